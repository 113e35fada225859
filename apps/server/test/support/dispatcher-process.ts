/**
 * A dispatcher worker process for the crash test: the real dispatch tick, job handlers and runner on the real
 * database, wired by hand (tsx emits no decorator metadata for Nest to inject by), sending to the sandbox over
 * HTTP. Started with `node --import tsx`; prints "ready" once it ticks.
 */
import 'reflect-metadata';
import { ChannelRegistry } from '../../src/channels/channel-registry';
import { FeedReader } from '../../src/channels/feed/feed-reader';
import { FeedProvider } from '../../src/channels/feed/feed.provider';
import { ChannelHttp } from '../../src/channels/http/channel-http';
import { PortalProvider } from '../../src/channels/portal/portal.provider';
import { WechatProvider } from '../../src/channels/wechat/wechat.provider';
import { WeiboProvider } from '../../src/channels/weibo/weibo.provider';
import { Clock } from '../../src/common/clock';
import { SecretBox } from '../../src/common/secret-box';
import { type AppConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source';
import { AccountCredentials } from '../../src/modules/accounts/account-credentials';
import { DispatchSchedule } from '../../src/modules/dispatch/dispatch-schedule.service';
import { DispatchSettlement } from '../../src/modules/dispatch/dispatch-settle.service';
import { DispatchPollHandler, DispatchSendHandler } from '../../src/modules/dispatch/dispatch.handlers';
import { DispatchJobs } from '../../src/modules/dispatch/dispatch.jobs';
import { DispatchRepository } from '../../src/modules/dispatch/dispatch.repository';
import { DispatchService } from '../../src/modules/dispatch/dispatch.service';
import { JobHandlers } from '../../src/modules/jobs/job-handlers';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';
import { FileStore } from '../../src/modules/posts/file-store';
import { SafetyDictionaryCache } from '../../src/modules/safety/dictionary-cache';
import { SafetyGate } from '../../src/modules/safety/safety-gate.service';
import { SafetyRepository } from '../../src/modules/safety/safety.repository';
import { runWorker } from './worker-process';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const ds = await createDataSource(
    url.startsWith('sqlite:')
      ? { type: 'sqlite', path: url.slice('sqlite:'.length), isNew: false }
      : { type: 'mysql', url, database: new URL(url).pathname.slice(1) },
  );
  const clock = new Clock();
  const http = new ChannelHttp({ timeoutMs: 10_000 });
  const reader = new FeedReader(http, clock);
  const registry = new ChannelRegistry([
    new WeiboProvider(http, clock),
    new WechatProvider(http, clock),
    new PortalProvider(http, clock, reader),
    new FeedProvider(reader),
  ]);
  const credentials = new AccountCredentials(
    new SecretBox(Buffer.from(process.env.SUNLIGHT_SECRET_KEY!, 'hex')),
  );
  const config = { dataDir: process.env.SUNLIGHT_DATA_DIR!, dispatch: { maxLateMinutes: 120 } } as AppConfig;
  const jobs = new JobsRepository(ds);
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
  process.stdout.write('ready\n');
  for (;;) {
    const ran = await schedule
      .enqueueDue()
      .then(() => runner.drain())
      .catch((err: unknown) => {
        console.error(err);
        return 0;
      });
    if (ran === 0) await new Promise((r) => setTimeout(r, 50));
  }
}

runWorker(main);
