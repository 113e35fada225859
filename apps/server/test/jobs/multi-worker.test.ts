import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';
import { migratedDataSource, testEngines } from '../support/engines';
import { startWorkerProcess, until } from '../support/worker-process';

const JOBS = 10_000;
const WORKERS = 4;
const script = join(__dirname, '../support/job-worker-process.ts');

function startWorker(url: string, handlerDelayMs: number): Promise<ChildProcess> {
  return startWorkerProcess(script, {
    DATABASE_URL: url,
    LEASE_MS: '3000',
    HANDLER_DELAY_MS: String(handlerDelayMs),
  });
}

// The lease mechanism's promise on the production engine: MariaDB with FOR UPDATE SKIP LOCKED.
describe.runIf(testEngines().includes('mysql'))('4 worker processes on MariaDB', () => {
  let ctx: Awaited<ReturnType<typeof migratedDataSource>>;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    ctx = await migratedDataSource('mysql');
    await ctx.ds.query(
      'CREATE TABLE probe_runs (job_id INT NOT NULL, worker_pid INT NOT NULL) ENGINE=InnoDB',
    );
    const repo = new JobsRepository(ctx.ds);
    for (let i = 0; i < JOBS; i += 1000) {
      await repo.enqueue(
        Array.from({ length: 1000 }, (_, k) => ({ name: 'probe', payload: { n: i + k } })),
        new Date(),
      );
    }
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await ctx?.close();
  });

  it('run every one of 10,000 jobs exactly once, also when one worker is killed halfway', async () => {
    // The victim is slow, so it is almost always in the middle of a batch when it is killed.
    workers.push(
      ...(await Promise.all(
        Array.from({ length: WORKERS }, (_, i) => startWorker(ctx.db.url, i === 0 ? 40 : 2)),
      )),
    );
    const done = async () =>
      Number(
        (await ctx.ds.query<[{ n: string }]>(`SELECT COUNT(*) AS n FROM jobs WHERE status = 'done'`))[0].n,
      );
    const victim = workers[0]!;
    const heldByVictim = async () =>
      Number(
        (
          await ctx.ds.query<[{ n: string }]>(
            `SELECT COUNT(*) AS n FROM jobs WHERE status = 'running' AND lease_owner LIKE ?`,
            [`%:${victim.pid}:%`],
          )
        )[0].n,
      );
    await until(async () => (await done()) >= JOBS / 2 && (await heldByVictim()) > 0, 120_000);
    victim.kill('SIGKILL');
    await until(async () => (await done()) === JOBS, 180_000);

    const [runs] = await ctx.ds.query<[{ total: string; distinctJobs: string; pids: string }]>(
      'SELECT COUNT(*) AS total, COUNT(DISTINCT job_id) AS distinctJobs, COUNT(DISTINCT worker_pid) AS pids FROM probe_runs',
    );
    expect(Number(runs.total)).toBe(JOBS);
    expect(Number(runs.distinctJobs)).toBe(JOBS);
    expect(Number(runs.pids)).toBe(WORKERS);
    const [{ n: takenOver }] = await ctx.ds.query<[{ n: string }]>(
      'SELECT COUNT(*) AS n FROM jobs WHERE attempts > 1',
    );
    // The killed worker held leases: those jobs were taken over after expiry, and still ran once.
    expect(Number(takenOver)).toBeGreaterThan(0);
    const [{ n: victimRuns }] = await ctx.ds.query<[{ n: string }]>(
      'SELECT COUNT(*) AS n FROM probe_runs WHERE worker_pid = ?',
      [victim.pid],
    );
    expect(Number(victimRuns)).toBeGreaterThan(0);
  }, 300_000);
});
