import { type Account } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app-factory';
import { loadConfig } from '../../src/config/app-config';
import { CollectionSchedule } from '../../src/modules/collection/collection-schedule.service';
import { testEngines } from '../support/engines';
import { TEST_SECRET_KEY } from '../support/test-app';
import { until } from '../support/worker-process';
import {
  addPortal,
  addWeibo,
  type CollectionFixture,
  seedHistory,
  startCollectionFixture,
  storedPublications,
} from './support/collection-fixture';

describe.each(testEngines())('collection schedule on %s', (engine) => {
  let f: CollectionFixture;
  let schedule: CollectionSchedule;
  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'schedule-test');
    schedule = f.t.app.get(CollectionSchedule);
  });
  afterAll(() => f?.close());

  const queued = async () =>
    (
      await f.t.ds.query<Array<{ k: string }>>(
        `SELECT dedupe_key AS k FROM jobs WHERE status = 'queued' ORDER BY dedupe_key`,
      )
    ).map((r) => r.k);

  it('queues each due stream once, however often the workers tick, and only when due', async () => {
    const { account: weibo } = await addWeibo(f, '平安排程');
    const { account: portal } = await addPortal(f, '门户排程');
    const feed = await f.admin.post<Account>('/api/accounts', {
      departmentId: f.departmentId,
      channel: 'feed',
      name: '门户订阅源',
      baseUrl: `${portal.baseUrl}/rss.xml`,
    });
    expect(feed.status).toBe(201);
    await Promise.all([schedule.enqueueDue(), schedule.enqueueDue(), schedule.enqueueDue()]);
    const streams = (id: number, names: string[]) => names.map((s) => `collect:${id}:${s}`);
    expect(await queued()).toEqual(
      [
        ...streams(weibo.id, ['timeline', 'comments', 'mentions', 'reposts']),
        ...streams(portal.id, ['feed', 'letters']),
        ...streams(feed.body.id, ['items']),
        ...[weibo.id, portal.id, feed.body.id].map((id) => `metrics:${id}`),
      ].sort(),
    );
    await f.drain();
    expect(await queued()).toEqual([]);

    // Not due again before the interval; the feed, someone else's site, only after five minutes.
    await schedule.enqueueDue();
    expect(await queued()).toEqual([]);
    f.t.clock.advance(61_000);
    await schedule.enqueueDue();
    expect(await queued()).toEqual(
      [
        ...streams(weibo.id, ['timeline', 'comments', 'mentions', 'reposts']),
        ...streams(portal.id, ['feed', 'letters']),
      ].sort(),
    );
    await f.drain();
    f.t.clock.advance(240_000);
    await schedule.enqueueDue();
    expect(await queued()).toContain(`collect:${feed.body.id}:items`);
    await f.drain();
  });

  it('leaves disabled accounts, accounts backing off and accounts without credentials alone', async () => {
    const { account: off } = await addWeibo(f, '平安停用');
    expect((await f.admin.patch(`/api/accounts/${off.id}`, { disabled: true })).status).toBe(200);
    const { account: waiting } = await addWeibo(f, '平安退避');
    const until = new Date(f.t.clock.now().getTime() + 60_000);
    await f.t.ds.query('UPDATE accounts SET backoff_until = ? WHERE id = ?', [
      engine === 'mysql' ? until : until.toISOString().replace('T', ' ').replace('Z', ''),
      waiting.id,
    ]);
    const noToken = await f.admin.post<Account>('/api/accounts', {
      departmentId: f.departmentId,
      channel: 'weibo',
      name: '平安未授权',
      baseUrl: f.sandbox.url,
      secrets: { appKey: 'k', appSecret: 's' },
    });
    await schedule.enqueueDue();
    const keys = await queued();
    for (const id of [off.id, waiting.id, noToken.body.id])
      expect(keys.filter((k) => k.includes(`:${id}:`) || k.endsWith(`:${id}`))).toEqual([]);
    f.t.clock.advance(61_000);
    await schedule.enqueueDue();
    expect(await queued()).toContain(`collect:${waiting.id}:timeline`);
    await f.drain();
  });

  it('ticks in a worker-role process on the same database, which finds the new account and collects it', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安工作进程');
    await seedHistory(f, sandboxId, 20);
    const { app } = await startApp(
      loadConfig({
        SUNLIGHT_ROLE: 'worker',
        DATABASE_URL: f.t.db.url,
        SUNLIGHT_DATA_DIR: f.t.db.dataDir,
        SUNLIGHT_SECRET_KEY: TEST_SECRET_KEY,
        SUNLIGHT_LOG_LEVEL: 'silent',
      }),
    );
    try {
      await until(async () => (await storedPublications(f, account.id)).length === 20, 30_000);
    } finally {
      await app.close();
    }
  });
});
