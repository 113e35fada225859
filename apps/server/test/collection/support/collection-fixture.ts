// The api role on a fresh database beside the real sandbox, with the collector's jobs run on demand: a test
// ticks (enqueueDue) and drains the job queue itself, so every step is deterministic.
import { type Account } from '@sunlight/contracts';
import { expect } from 'vitest';
import { JobHandlers } from '../../../src/modules/jobs/job-handlers';
import { JobRunner } from '../../../src/modules/jobs/job-runner';
import { JobsRepository } from '../../../src/modules/jobs/jobs.repository';
import { collectStreamJob } from '../../../src/modules/collection/collection-job-specs';
import { CollectionSchedule } from '../../../src/modules/collection/collection-schedule.service';
import { type ApiClient } from '../../support/api-client';
import { type Engine } from '../../support/engines';
import { startTestApp, type TestApp } from '../../support/test-app';
import { type ChannelSandbox, startChannelSandbox } from '../../channels/support/channel-sandbox';

export interface HistorySummary {
  posts: number;
  originals: number;
  forwards: number;
  comments: number;
  letters?: number;
}

export interface CollectionFixture {
  t: TestApp;
  sandbox: ChannelSandbox;
  admin: ApiClient;
  departmentId: number;
  /** Runs every due job, and the jobs they queue, until none is due, with `workers` runners draining at
   *  once (as several worker processes would). Returns how many ran. */
  drain(workers?: number): Promise<number>;
  /** One worker tick: enqueue what is due, then drain. */
  poll(workers?: number): Promise<number>;
  close(): Promise<void>;
}

export async function startCollectionFixture(
  engine: Engine,
  seed: string,
  env: Record<string, string> = {},
): Promise<CollectionFixture> {
  const [sandbox, t] = await Promise.all([startChannelSandbox(seed), startTestApp(engine, env)]);
  const admin = await t.as('admin');
  const runners = [t.app.get(JobRunner)];
  const schedule = t.app.get(CollectionSchedule);
  const drain = async (workers = 1) => {
    while (runners.length < workers)
      runners.push(new JobRunner(t.app.get(JobsRepository), t.app.get(JobHandlers), t.clock));
    let total = 0;
    for (;;) {
      const ran = await Promise.all(runners.slice(0, workers).map((r) => r.drain()));
      const sum = ran.reduce((a, b) => a + b, 0);
      if (sum === 0) return total;
      total += sum;
    }
  };
  return {
    t,
    sandbox,
    admin,
    departmentId: admin.session!.user.departmentId,
    drain,
    poll: async (workers?: number) => {
      await schedule.enqueueDue();
      return drain(workers);
    },
    close: async () => {
      await t.close();
      await sandbox.close();
    },
  };
}

interface SandboxView {
  id: string;
  baseUrl: string;
  credentials: Record<string, string | null>;
}

async function addAccount(f: CollectionFixture, body: object): Promise<Account> {
  const res = await f.admin.post<Account>('/api/accounts', { departmentId: f.departmentId, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A Weibo account on the sandbox and in Sunlight, authorised with the sandbox's token. */
export async function addWeibo(f: CollectionFixture, name: string, extra: object = {}) {
  const v = await f.sandbox.ctl<SandboxView>('POST', '/accounts', {
    platform: 'weibo',
    name,
    limits: { callsPerHour: 100_000 },
    ...extra,
  });
  const account = await addAccount(f, {
    channel: 'weibo',
    name,
    baseUrl: v.baseUrl,
    settings: { uid: v.credentials.uid },
    secrets: { appKey: v.credentials.appKey, appSecret: v.credentials.appSecret },
  });
  const token = await f.admin.post(`/api/accounts/${account.id}/credentials`, {
    accessToken: v.credentials.accessToken,
    tokenExpiresAt: v.credentials.expiresAt,
  });
  expect(token.status, JSON.stringify(token.body)).toBe(200);
  return { account, sandboxId: v.id };
}

/** A WeChat account: appid and secret only; the collector fetches its token itself. */
export async function addWechat(f: CollectionFixture, name: string, extra: object = {}) {
  const v = await f.sandbox.ctl<SandboxView>('POST', '/accounts', { platform: 'wechat', name, ...extra });
  const account = await addAccount(f, {
    channel: 'wechat',
    name,
    baseUrl: v.baseUrl,
    settings: { appid: v.credentials.appid },
    secrets: { secret: v.credentials.secret },
  });
  return { account, sandboxId: v.id, appid: v.credentials.appid! };
}

/** A portal with two columns, known to Sunlight too so collected articles land in them. */
export async function addPortal(f: CollectionFixture, name: string) {
  const columns = [
    { code: 'jwdt', name: '警务动态' },
    { code: 'tzgg', name: '通知公告' },
  ];
  const v = await f.sandbox.ctl<SandboxView>('POST', '/accounts', { platform: 'portal', name, columns });
  const account = await addAccount(f, {
    channel: 'portal',
    name,
    baseUrl: v.baseUrl,
    settings: { siteId: v.credentials.siteId },
    secrets: { apiKey: v.credentials.apiKey },
  });
  for (const c of columns) {
    const res = await f.admin.post(`/api/accounts/${account.id}/columns`, c);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return { account, sandboxId: v.id };
}

/** Seeds the sandbox account's past: `days` days up to yesterday. */
export function seedHistory(
  f: CollectionFixture,
  sandboxId: string,
  count: number,
  options: { days?: number; originalRatio?: number; commentsPerPost?: number } = {},
): Promise<HistorySummary> {
  const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
  return f.sandbox.ctl<HistorySummary>('POST', `/accounts/${sandboxId}/history`, {
    from: day(options.days ?? 20),
    to: day(1),
    count,
    originalRatio: options.originalRatio ?? 0.4,
    commentsPerPost: options.commentsPerPost ?? 2,
    bursts: 1,
  });
}

/** External ids and kinds of what the sandbox's ledger holds for the account's seeded history. */
export async function ledger(f: CollectionFixture, sandboxId: string) {
  const r = await f.sandbox.ctl<{ items: { externalId: string; kind: string }[] }>(
    'GET',
    `/published?account=${sandboxId}&origin=history&limit=100000`,
  );
  return r.items;
}

export async function storedPublications(f: CollectionFixture, accountId: number) {
  return f.t.ds.query<
    Array<{ external_id: string; kind: string; source: string; column_id: number | null; title: string }>
  >('SELECT external_id, kind, source, column_id, title FROM publications WHERE account_id = ? ORDER BY id', [
    accountId,
  ]);
}

export async function storedInteractions(f: CollectionFixture, accountId: number) {
  return f.t.ds.query<
    Array<{
      external_id: string;
      kind: string;
      publication_external_id: string | null;
      parent_external_id: string | null;
    }>
  >(
    'SELECT external_id, kind, publication_external_id, parent_external_id FROM interactions WHERE account_id = ? ORDER BY id',
    [accountId],
  );
}

export async function accountState(f: CollectionFixture, id: number): Promise<Account> {
  const res = await f.admin.get<Account>(`/api/accounts/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

export async function cursorOf(
  f: CollectionFixture,
  accountId: number,
  stream: string,
): Promise<string | null> {
  const column = f.t.engine === 'mysql' ? '`cursor`' : 'cursor';
  const rows = await f.t.ds.query<Array<{ value: string | null }>>(
    `SELECT ${column} AS value FROM collect_cursors WHERE account_id = ? AND stream = ?`,
    [accountId, stream],
  );
  return rows[0]?.value ?? null;
}

export async function count(f: CollectionFixture, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await f.t.ds.query<Array<{ n: number | string }>>(sql, params);
  return Number(row?.n ?? 0);
}

/** Runs one stream of one account now, as its job would (nothing else is queued by this). */
export async function collectStream(f: CollectionFixture, accountId: number, stream: string): Promise<void> {
  const now = f.t.clock.now();
  await f.t.app.get(JobsRepository).enqueue([collectStreamJob(accountId, stream, now)], now);
  await f.drain();
}

/** Requests the sandbox received for one account on one path (its log keeps the latest 1000). */
export async function requestsTo(f: CollectionFixture, sandboxId: string, path: string): Promise<number> {
  const r = await f.sandbox.ctl<{ requests: unknown[] }>(
    'GET',
    `/requests?account=${sandboxId}&path=${encodeURIComponent(path)}&limit=1000`,
  );
  return r.requests.length;
}
