/**
 * A collector worker process for the crash test: the real collection job handlers, claimer and runner on
 * the real database, wired by hand (see worker-wiring.ts), talking to the
 * sandbox over HTTP. Started with `node --import tsx`; prints "ready" once it drains.
 */
import 'reflect-metadata';
import { type AppConfig } from '../../src/config/app-config';
import { CollectMetricsHandler } from '../../src/modules/collection/collect-metrics.handler';
import { CollectStreamHandler } from '../../src/modules/collection/collect-stream.handler';
import { CollectionSchedule } from '../../src/modules/collection/collection-schedule.service';
import { CollectionStateRepository } from '../../src/modules/collection/collection-state.repository';
import { CollectionJobs } from '../../src/modules/collection/collection.jobs';
import { CollectionRepository } from '../../src/modules/collection/collection.repository';
import { CollectionService } from '../../src/modules/collection/collection.service';
import { HistoryImportRepository } from '../../src/modules/collection/history-import.repository';
import { ImportPageHandler } from '../../src/modules/collection/import-page.handler';
import { RefreshTokenHandler } from '../../src/modules/collection/refresh-token.handler';
import { JobHandlers } from '../../src/modules/jobs/job-handlers';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import { drainForever, runWorker } from './worker-process';
import { workerWiring } from './worker-wiring';

async function main(): Promise<void> {
  const { ds, clock, registry, credentials, jobs } = await workerWiring();
  const config = { collection: { pollSeconds: 60, metricsSeconds: 1800 } } as AppConfig;
  const state = new CollectionStateRepository(ds);
  const service = new CollectionService(state, new CollectionRepository(), registry, credentials, jobs);
  const schedule = new CollectionSchedule(state, service, credentials, jobs, config, clock);
  const handlers = new JobHandlers();
  new CollectionJobs(
    handlers,
    new CollectStreamHandler(state, service, jobs, clock),
    new CollectMetricsHandler(state, new CollectionRepository(), service, jobs, clock),
    new RefreshTokenHandler(state, service, schedule, credentials, jobs, clock),
    new ImportPageHandler(new HistoryImportRepository(ds), service, jobs, clock),
  ).onModuleInit();
  const runner = new JobRunner(jobs, handlers, clock);
  runner.options = { batchSize: 20, leaseMs: Number(process.env.LEASE_MS ?? 2000) };
  await drainForever(runner);
}

runWorker(main);
