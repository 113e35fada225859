/**
 * A dispatcher worker process for the crash test: the real dispatch tick, job handlers and runner on the real
 * database, wired by hand (see worker-wiring.ts), sending to the sandbox over
 * HTTP. Started with `node --import tsx`; prints "ready" once it ticks.
 */
import 'reflect-metadata';
import { type AppConfig } from '../../src/config/app-config';
import { DispatchSchedule } from '../../src/modules/dispatch/dispatch-schedule.service';
import { DispatchSettlement } from '../../src/modules/dispatch/dispatch-settle.service';
import { DispatchPollHandler, DispatchSendHandler } from '../../src/modules/dispatch/dispatch.handlers';
import { DispatchJobs } from '../../src/modules/dispatch/dispatch.jobs';
import { DispatchRepository } from '../../src/modules/dispatch/dispatch.repository';
import { DispatchService } from '../../src/modules/dispatch/dispatch.service';
import { JobHandlers } from '../../src/modules/jobs/job-handlers';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import { FileStore } from '../../src/modules/posts/file-store';
import { SafetyDictionaryCache } from '../../src/modules/safety/dictionary-cache';
import { SafetyGate } from '../../src/modules/safety/safety-gate.service';
import { SafetyRepository } from '../../src/modules/safety/safety.repository';
import { drainForever, runWorker } from './worker-process';
import { workerWiring } from './worker-wiring';

async function main(): Promise<void> {
  const { ds, clock, registry, credentials, jobs } = await workerWiring();
  const config = { dataDir: process.env.SUNLIGHT_DATA_DIR!, dispatch: { maxLateMinutes: 120 } } as AppConfig;
  const repo = new DispatchRepository(ds);
  const gate = new SafetyGate(new SafetyDictionaryCache(new SafetyRepository(ds), clock));
  const service = new DispatchService(
    repo,
    registry,
    credentials,
    gate,
    new FileStore(config),
    clock,
    config,
  );
  const settlement = new DispatchSettlement(repo, jobs, clock);
  const handlers = new JobHandlers();
  new DispatchJobs(
    handlers,
    new DispatchSendHandler(service, settlement, repo),
    new DispatchPollHandler(service, settlement, repo),
  ).onModuleInit();
  const schedule = new DispatchSchedule(repo, jobs, clock);
  const runner = new JobRunner(jobs, handlers, clock);
  runner.options = { batchSize: 5, leaseMs: Number(process.env.LEASE_MS ?? 2000) };
  await drainForever(runner, () => schedule.enqueueDue());
}

runWorker(main);
