/**
 * A collector worker process for the crash test: the real collection job handlers, claimer and runner on
 * the real database, wired by hand (tsx emits no decorator metadata for Nest to inject by), talking to the
 * sandbox over HTTP. Started with `node --import tsx`; prints "ready" once it drains.
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
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';
import { drainForever, runWorker } from './worker-process';

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
  const config = { collection: { pollSeconds: 60, metricsSeconds: 1800 } } as AppConfig;
  const jobs = new JobsRepository(ds);
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
