import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/engines';
import {
  addPortal,
  addWechat,
  addWeibo,
  type CollectionFixture,
  seedHistory,
  startCollectionFixture,
} from './support/collection-fixture';

const METRICS_INTERVAL_MS = 61_000;

interface SnapshotStats {
  rows: number;
  publications: number;
  dated: number;
  reads: number;
  views: number;
}

describe.each(testEngines())('metrics on %s', (engine) => {
  let f: CollectionFixture;
  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'metrics-test', { SUNLIGHT_METRICS_INTERVAL: '60' });
  });
  afterAll(() => f?.close());

  /** The next tick after the metrics interval (publications were stored by the previous one). */
  async function pollLater(): Promise<void> {
    f.t.clock.advance(METRICS_INTERVAL_MS);
    await f.poll();
  }

  async function snapshots(accountId: number): Promise<SnapshotStats> {
    const [r] = await f.t.ds.query<Array<Record<keyof SnapshotStats, number | string | null>>>(
      `SELECT COUNT(*) AS \`rows\`, COUNT(DISTINCT m.publication_id) AS publications, COUNT(m.day) AS dated,
              COALESCE(SUM(m.${engine === 'mysql' ? '`reads`' : 'reads'}), 0) AS \`reads\`, COALESCE(SUM(m.page_views), 0) AS views
         FROM metric_snapshots m JOIN publications p ON p.id = m.publication_id WHERE p.account_id = ?`,
      [accountId],
    );
    return {
      rows: Number(r!.rows),
      publications: Number(r!.publications),
      dated: Number(r!.dated),
      reads: Number(r!.reads),
      views: Number(r!.views),
    };
  }

  it('keeps Weibo running totals as a time series: a new row per reading', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安指标');
    await seedHistory(f, sandboxId, 120);
    await f.poll();
    // The first poll's metrics reading ran beside the timeline, before anything was stored; each status
    // carried its counts, which are the first snapshot.
    expect(await snapshots(account.id)).toMatchObject({ rows: 120, publications: 120, dated: 0 });
    await pollLater();
    expect(await snapshots(account.id)).toMatchObject({ rows: 240, publications: 120, dated: 0 });
    await pollLater();
    expect(await snapshots(account.id)).toMatchObject({ rows: 360, publications: 120, dated: 0 });
    const [latest] = await f.t.ds.query<Array<{ n: number | string }>>(
      `SELECT COUNT(*) AS n FROM metric_snapshots m JOIN publications p ON p.id = m.publication_id
        WHERE p.account_id = ? AND m.reposts IS NOT NULL AND m.likes IS NOT NULL AND m.comments IS NOT NULL`,
      [account.id],
    );
    expect(Number(latest!.n)).toBe(360);
  });

  it('stores WeChat per-day statistics once per article and day, however often a day is read', async () => {
    const { account, sandboxId } = await addWechat(f, '江城指标');
    await seedHistory(f, sandboxId, 10, { days: 6 });
    await f.poll();
    await pollLater();
    const first = await snapshots(account.id);
    expect(first.rows).toBeGreaterThan(0);
    expect(first.dated).toBe(first.rows);
    expect(first.reads).toBeGreaterThan(0);
    await pollLater();
    // The same seven days were read again: replaced, not added.
    expect(await snapshots(account.id)).toEqual(first);
  });

  it('stores portal page views per day, today’s count replaced as it grows', async () => {
    const { account, sandboxId } = await addPortal(f, '江城门户指标');
    await seedHistory(f, sandboxId, 12, { days: 5 });
    await f.poll();
    await pollLater();
    const first = await snapshots(account.id);
    expect(first.rows).toBeGreaterThan(0);
    expect(first.dated).toBe(first.rows);
    // Someone reads an article today; it may have had no views today yet (a new row) or some (replaced).
    const [page] = await f.t.ds.query<Array<{ url: string }>>(
      'SELECT url FROM publications WHERE account_id = ? ORDER BY published_at DESC LIMIT 1',
      [account.id],
    );
    expect((await fetch(page!.url)).status).toBe(200);
    await pollLater();
    const second = await snapshots(account.id);
    expect(second.views).toBe(first.views + 1);
    expect(second.rows - first.rows).toBeLessThanOrEqual(1);
  });
});
