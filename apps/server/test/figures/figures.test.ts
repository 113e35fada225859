import { type Department, type FigureRows } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountEntity, type ColumnEntity } from '../../src/database/entities';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';
import { beijing, FiguresFixture } from './support/figures-fixture';

/**
 * Every figure on a hand-made organisation, January and February 2025, with the expected numbers worked out
 * by hand in the comments. 本单位 has a Weibo and the portal (栏目 警务动态 ≥2/月 of its own, 通知公告 ≥1/周
 * which 东城分局 is responsible for); 东城分局 a WeChat; its 治安大队 a Weibo; 西城分局 a Weibo, a feed, a
 * disabled Weibo and two that never published (one added in December 2024, one on 20 February 2025).
 */
describe.each(testEngines())('figures on a hand-made fixture on %s', (engine) => {
  let t: TestApp;
  let f: FiguresFixture;
  let east: Department;
  let team: Department;
  let west: Department;
  let rootWeibo: AccountEntity;
  let portal: AccountEntity;
  let eastWechat: AccountEntity;
  let westOld: AccountEntity;
  let jwdt: ColumnEntity;
  let tzgg: ColumnEntity;
  /** Every account the fixture adds, as the figures name it. */
  const named = new Map<number, { name: string; channel: string }>();

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = new FiguresFixture(t, await t.as('admin'));
    east = await f.department('东城分局');
    team = await f.department('东城治安大队', east.id);
    west = await f.department('西城分局');
    rootWeibo = await f.account(f.rootId, 'weibo', '平安示范');
    portal = await f.account(f.rootId, 'portal', '示范市公安局网站');
    eastWechat = await f.account(east.id, 'wechat', '东城公安');
    const teamWeibo = await f.account(team.id, 'weibo', '东城治安');
    const westWeibo = await f.account(west.id, 'weibo', '平安西城');
    await f.account(west.id, 'feed', '西城资讯');
    await f.account(west.id, 'weibo', '西城旧号', { disabled: true });
    westOld = await f.account(west.id, 'wechat', '西城交警', { createdAt: beijing('2024-12-01 09:00') });
    const westNew = await f.account(west.id, 'wechat', '西城新号', {
      createdAt: beijing('2025-02-20 09:00'),
    });
    for (const a of [rootWeibo, portal, eastWechat, teamWeibo, westWeibo, westOld, westNew])
      named.set(a.id, { name: a.name, channel: a.channel });
    jwdt = await f.column(portal.id, 'jwdt', '警务动态', { period: 'month', min: 2 });
    tzgg = await f.column(portal.id, 'tzgg', '通知公告', { period: 'week', min: 1 }, east.id);

    const [w1, w2] = await f.collect(rootWeibo.id, [
      { kind: 'original', publishedAt: beijing('2025-01-05 10:00') },
      { kind: 'forward', publishedAt: beijing('2025-01-20 23:30') },
      // 00:30 Beijing on 1 February is still 31 January in UTC: it counts in February.
      { kind: 'original', publishedAt: beijing('2025-02-01 00:30') },
      { kind: 'unclassified', publishedAt: beijing('2025-02-14 08:00') },
    ]);
    // Running totals: the latest reading counts (reposts 8, likes 12, comments 3), not the sum of readings.
    await f.metrics(
      rootWeibo.id,
      [{ externalId: w1!, reposts: 5, likes: 10, comments: 2 }],
      new Date('2025-01-06T00:00:00Z'),
    );
    await f.metrics(
      rootWeibo.id,
      [{ externalId: w1!, reposts: 8, likes: 12, comments: 3 }],
      new Date('2025-01-09T00:00:00Z'),
    );
    await f.metrics(rootWeibo.id, [{ externalId: w2!, reposts: 1, likes: 1, comments: 0 }]);
    const [p1, p2] = await f.collect(portal.id, [
      { kind: 'original', publishedAt: beijing('2025-01-03 09:00'), columnCode: 'jwdt' },
      { kind: 'original', publishedAt: beijing('2025-01-25 09:00'), columnCode: 'jwdt' },
      { kind: 'original', publishedAt: beijing('2025-02-10 09:00'), columnCode: 'jwdt' },
      { kind: 'original', publishedAt: beijing('2025-01-06 09:00'), columnCode: 'tzgg' },
      { kind: 'original', publishedAt: beijing('2025-02-02 09:00') },
    ]);
    // Per-day page views add up: 100 + 50 for p1, 30 for p2.
    await f.metrics(portal.id, [
      { externalId: p1!, day: '2025-01-03', pageViews: 100 },
      { externalId: p1!, day: '2025-01-04', pageViews: 50 },
      { externalId: p2!, day: '2025-01-25', pageViews: 30 },
    ]);
    const [x1, x2] = await f.collect(eastWechat.id, [
      { kind: 'original', publishedAt: beijing('2025-01-08 20:00') },
      { kind: 'forward', publishedAt: beijing('2025-02-25 20:00') },
    ]);
    await f.metrics(eastWechat.id, [
      { externalId: x1!, day: '2025-01-08', reads: 200, reposts: 3 },
      { externalId: x1!, day: '2025-01-09', reads: 100, reposts: 2 },
      { externalId: x2!, day: '2025-02-25', reads: 40 },
    ]);
    const [t1] = await f.collect(teamWeibo.id, [
      { kind: 'original', publishedAt: beijing('2025-01-15 12:00') },
    ]);
    await f.metrics(teamWeibo.id, [{ externalId: t1!, reposts: 7, likes: 3, comments: 1 }]);
    await f.collect(westWeibo.id, [{ kind: 'forward', publishedAt: beijing('2025-02-20 12:00') }]);
    await f.unsent(westWeibo.id, 'queued', beijing('2025-02-21 12:00'));
    await f.unsent(westWeibo.id, 'failed', beijing('2025-02-22 12:00'));
    await f.rollUp();
  });
  afterAll(() => t?.close());

  const year = { from: '2025-01-01', to: '2025-02-28' };

  it('counts every figure of the two months', async () => {
    const r = await f.figures(year);
    expect(r.department).toEqual({ id: f.rootId, name: '本单位' });
    expect(r.totals).toEqual({
      published: 13, // Weibo 4, portal 5, WeChat 2, 治安大队 1, 西城 1; the queued and failed ones do not count
      original: 9,
      forwarded: 3,
      unclassified: 1,
      originalRate: 9 / 13,
      repostedByOthers: 21, // 8 + 1 + (3 + 2) + 7
      reads: 340, // 200 + 100 + 40
      likes: 16, // 12 + 1 + 3
      comments: 4, // 3 + 0 + 1
      portalUpdates: 5,
      pageViews: 180, // 100 + 50 + 30
      quotaPeriods: 10, // 警务动态: January, February; 通知公告: the 8 weeks starting 6 Jan … 24 Feb
      quotaPeriodsMet: 2, // 警务动态 January (2 items), 通知公告 the week of 6 January
      columnQuotaRate: 0.2,
      // As of 28 February: 平安示范 (last 14 Feb: 14 days), the portal (10 Feb), 东城治安 (15 Jan) and 西城交警
      // (never, added in December); not 西城新号 (added 8 days before), the feed, nor the disabled account.
      staleAccounts: 4,
    });
  });

  it('reads cut months from the daily rows', async () => {
    const r = await f.figures({
      from: '2025-01-10',
      to: '2025-02-20',
      figures: ['published', 'original', 'forwarded', 'unclassified'] as never,
    });
    // 20 Jan forward, 1 Feb, 14 Feb (unclassified), portal 25 Jan, 10 Feb, 2 Feb, 治安大队 15 Jan, 西城 20 Feb.
    expect(r.totals).toEqual({ published: 8, original: 5, forwarded: 2, unclassified: 1 });
  });

  it('breaks down by department: 本级 under its own id, each child with its subtree', async () => {
    const r = await f.figures({ ...year, by: ['department'] as never });
    const row = (id: number) => r.rows.find((x) => x.key.department === id)?.values;
    expect(r.rows.map((x) => x.key.department)).toEqual([f.rootId, east.id, west.id]);
    expect(row(f.rootId)).toMatchObject({
      published: 9,
      quotaPeriods: 2,
      quotaPeriodsMet: 1,
      staleAccounts: 2,
    });
    expect(row(east.id)).toMatchObject({
      published: 3,
      reads: 340,
      quotaPeriods: 8,
      quotaPeriodsMet: 1,
      staleAccounts: 1,
    });
    expect(row(west.id)).toMatchObject({ published: 1, forwarded: 1, originalRate: 0, staleAccounts: 1 });
    expect(r.names.departments).toEqual({
      [f.rootId]: '本单位',
      [east.id]: '东城分局',
      [west.id]: '西城分局',
    });
  });

  /** The fixture's figures asked for, broken down as asked. */
  const breakdown = (by: string[], figures: string[]) =>
    f.figures({ ...year, by: by as never, figures: figures as never });

  it('breaks down by month and channel, and leaves a figure null where its breakdown does not apply', async () => {
    const months = await breakdown(['month'], ['published', 'staleAccounts']);
    expect(months.rows).toEqual([
      { key: { month: '2025-01' }, values: { published: 7, staleAccounts: null } },
      { key: { month: '2025-02' }, values: { published: 6, staleAccounts: null } },
    ]);
    const channels = await breakdown(['channel'], ['published', 'portalUpdates', 'staleAccounts']);
    expect(channels.rows).toEqual([
      { key: { channel: 'portal' }, values: { published: 5, portalUpdates: null, staleAccounts: 1 } },
      { key: { channel: 'wechat' }, values: { published: 2, portalUpdates: null, staleAccounts: 1 } },
      { key: { channel: 'weibo' }, values: { published: 6, portalUpdates: null, staleAccounts: 2 } },
    ]);
  });

  it('breaks quotas down by column and names them', async () => {
    const r = await breakdown(['column'], ['quotaPeriods', 'quotaPeriodsMet', 'portalUpdates']);
    expect(r.rows).toEqual([
      { key: {}, values: { quotaPeriods: 0, quotaPeriodsMet: 0, portalUpdates: 1 } },
      { key: { column: jwdt.id }, values: { quotaPeriods: 2, quotaPeriodsMet: 1, portalUpdates: 3 } },
      { key: { column: tzgg.id }, values: { quotaPeriods: 8, quotaPeriodsMet: 1, portalUpdates: 1 } },
    ]);
    expect(r.names.columns).toEqual({ [jwdt.id]: '警务动态', [tzgg.id]: '通知公告' });
  });

  it('names every account of an account breakdown: those that published, and those only stale', async () => {
    const r = await breakdown(['account'], ['published', 'staleAccounts', 'quotaPeriods']);
    const listed = r.rows.map((x) => x.key.account!);
    // 西城交警 never published: it is listed for being stale, and named all the same.
    expect(listed).toEqual(expect.arrayContaining([rootWeibo.id, portal.id, westOld.id]));
    expect(r.rows.find((x) => x.key.account === westOld.id)?.values).toEqual({
      published: 0,
      staleAccounts: 1,
      quotaPeriods: 0,
    });
    expect(r.names.accounts).toEqual(Object.fromEntries(listed.map((id) => [String(id), named.get(id)])));
  });

  it('breaks quotas down by the month each period starts in', async () => {
    const r = await breakdown(['month'], ['quotaPeriods', 'quotaPeriodsMet', 'columnQuotaRate']);
    // January: 警务动态 met (2 items) and 通知公告's weeks of 6, 13, 20 and 27 January (only the first met);
    // February: 警务动态 missed (1 item) and the four weeks from 3 February, all missed.
    expect(r.rows).toEqual([
      { key: { month: '2025-01' }, values: { quotaPeriods: 5, quotaPeriodsMet: 2, columnQuotaRate: 0.4 } },
      { key: { month: '2025-02' }, values: { quotaPeriods: 5, quotaPeriodsMet: 0, columnQuotaRate: 0 } },
    ]);
  });

  it('counts a subtree alone when asked for it', async () => {
    const r = await f.figures({
      ...year,
      department: east.id,
      figures: ['published', 'quotaPeriods', 'staleAccounts'] as never,
    });
    expect(r.totals).toEqual({ published: 3, quotaPeriods: 8, staleAccounts: 1 });
  });

  async function drill(q: Record<string, string | number | boolean>): Promise<FigureRows> {
    const params = new URLSearchParams(
      Object.entries({ ...year, pageSize: 200, ...q }).map(([k, v]): [string, string] => [k, String(v)]),
    );
    const res = await f.admin.get<FigureRows>(`/api/figures/rows?${params.toString()}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  it('drills down to exactly the rows each number counts', async () => {
    const totals = (await f.figures(year)).totals;
    for (const figure of [
      'published',
      'original',
      'portalUpdates',
      'staleAccounts',
      'quotaPeriods',
      'quotaPeriodsMet',
    ] as const) {
      const rows = await drill({ figure });
      expect(rows.total, figure).toBe(totals[figure]);
      expect(rows.items).toHaveLength(totals[figure]!);
    }
    const own = await drill({ figure: 'published', department: f.rootId, departmentOnly: true });
    expect(own.total).toBe(9);
    const january = await drill({ figure: 'original', month: '2025-01', account: portal.id });
    expect(january.kind === 'publications' && january.items.map((p) => p.publishedAt)).toEqual([
      beijing('2025-01-25 09:00').toISOString(),
      beijing('2025-01-06 09:00').toISOString(),
      beijing('2025-01-03 09:00').toISOString(),
    ]);
    expect(january.kind === 'publications' && january.items[2]).toMatchObject({
      pageViews: 150,
      columnName: '警务动态',
      reads: null,
    });
    const wechat = await drill({ figure: 'reads', channel: 'wechat' });
    expect(wechat.kind === 'publications' && wechat.items.map((p) => [p.reads, p.reposts])).toEqual([
      [40, null],
      [300, 5],
    ]);
  });

  it('lists the stale accounts with their silence and the column-periods with their outcome', async () => {
    const stale = await drill({ figure: 'staleAccounts', department: west.id });
    expect(stale.kind === 'accounts' && stale.items).toEqual([
      {
        id: westOld.id,
        name: '西城交警',
        channel: 'wechat',
        departmentName: '西城分局',
        lastPublishedAt: null,
        daysSilent: null,
      },
    ]);
    const weibo = await drill({ figure: 'staleAccounts', account: rootWeibo.id });
    expect(weibo.kind === 'accounts' && weibo.items[0]?.daysSilent).toBe(14);
    const met = await drill({ figure: 'quotaPeriodsMet', column: jwdt.id });
    expect(met.kind === 'columnPeriods' && met.items).toEqual([
      {
        columnId: jwdt.id,
        columnName: '警务动态',
        accountName: '示范市公安局网站',
        departmentName: '本单位',
        ruleText: expect.any(String) as string,
        start: '2025-01-01',
        end: '2025-01-31',
        done: 2,
        outcome: 'met',
      },
    ]);
  });

  it('refuses a drill-down filter the figure cannot be broken down by', async () => {
    const res = await f.admin.get(
      `/api/figures/rows?figure=staleAccounts&from=2025-01-01&to=2025-02-28&month=2025-01`,
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '“超期未更新账号”不能按月份查看明细，请去掉该条件',
    });
  });

  it('follows a publication that moves to another day and column', async () => {
    // The portal article of 2 February is re-read with its time corrected to 28 January and put in 警务动态.
    const [moved] = await f.collect(portal.id, [
      { kind: 'original', publishedAt: beijing('2025-02-02 09:00') },
    ]);
    await f.rollUp();
    await f.collect(portal.id, [
      { externalId: moved, kind: 'original', publishedAt: beijing('2025-01-28 09:00'), columnCode: 'jwdt' },
    ]);
    await f.rollUp();
    const r = await f.figures({ ...year, by: ['month'] as never, figures: ['portalUpdates'] as never });
    expect(r.rows).toEqual([
      { key: { month: '2025-01' }, values: { portalUpdates: 4 } },
      { key: { month: '2025-02' }, values: { portalUpdates: 2 } },
    ]);
  });
});
