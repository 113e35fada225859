/**
 * A worker process for the multi-process lease test: the real claimer and runner on the real
 * database, with a probe handler whose effect commits with the job. Started with `node --import tsx`.
 */
import 'reflect-metadata';
import { Clock } from '../../src/common/clock';
import { createDataSource } from '../../src/database/data-source';
import { JobHandlers } from '../../src/modules/jobs/job-handlers';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';
import { drainForever, runWorker } from './worker-process';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const ds = await createDataSource({ type: 'mysql', url, database: new URL(url).pathname.slice(1) });
  const handlers = new JobHandlers();
  handlers.register('probe', {
    run: async (job, tx) => {
      await tx.query('INSERT INTO probe_runs (job_id, worker_pid) VALUES (?, ?)', [job.id, process.pid]);
      await new Promise((r) => setTimeout(r, Number(process.env.HANDLER_DELAY_MS ?? 2)));
    },
  });
  const runner = new JobRunner(new JobsRepository(ds), handlers, new Clock());
  runner.options = { batchSize: 20, leaseMs: Number(process.env.LEASE_MS ?? 3000) };
  await drainForever(runner);
}

runWorker(main);
