import { type Sandbox } from '@sunlight/sandbox';
import {
  type Account,
  type AccountImportState,
  type CalendarEvent,
  type Page,
  type Post,
  type PostSummary,
} from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDbInstant } from '../../src/database/instant';
import { DispatchSchedule } from '../../src/modules/dispatch/dispatch-schedule.service';
import { DemoFirstStart } from '../../src/modules/demo/demo-first-start';
import { DemoPosts } from '../../src/modules/demo/demo-posts';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { type TestApp } from '../support/test-app';
import { type DemoStart, startDemo } from './support/demo-start';

/** The sandbox's record of what an account accepted through its API (not seeded history). */
async function sent(sb: Sandbox, accountName: string) {
  const res = await fetch(`${sb.url}/__control/published?origin=api&limit=1000`);
  const { items } = (await res.json()) as { items: { accountId: string; title: string; text: string }[] };
  const accounts = await (await fetch(`${sb.url}/__control/accounts`)).json();
  const id = (accounts as { accounts: { id: string; name: string }[] }).accounts.find(
    (a) => a.name === accountName,
  )?.id;
  return items.filter((i) => i.accountId === id);
}

describe.each(testEngines())('the demo’s first start on %s', (engine) => {
  let demo: DemoStart;
  let sb: Sandbox;
  let t: TestApp;
  let approver: ApiClient;

  /**
   * The worker's part, on demand: due dispatches and collection jobs until nothing is due and nothing is
   * being sent (WeChat publishes asynchronously: its status is polled a moment later).
   */
  async function work(): Promise<void> {
    const runner = t.app.get(JobRunner);
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      await t.app.get(DispatchSchedule).enqueueDue();
      if ((await runner.drain()) > 0) continue;
      const [open] = await t.ds.query<{ n: number | string }[]>(
        `SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')`,
      );
      if (Number(open!.n) === 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the jobs did not settle');
  }

  async function demoPosts(): Promise<Post[]> {
    const page = (await approver.get<Page<PostSummary>>('/api/posts?pageSize=100')).body;
    return Promise.all(page.items.map(async (p) => (await approver.get<Post>(`/api/posts/${p.id}`)).body));
  }

  beforeAll(async () => {
    // A short history: the portal's is longer than its feed, so the import has to walk the CMS's article
    // list to get it all.
    demo = await startDemo(engine, 'demo-first-start', { weibo: 30, wechat: 12, portal: 80 });
    ({ sb, t } = demo);
    approver = await t.as('demo_approver');
  });

  afterAll(() => demo?.close());

  it('writes the recent posts as the demo editors, with 初审 by demo_reviewer and 终审 by demo_approver', async () => {
    const posts = await demoPosts();
    expect(posts.map((p) => p.title).sort()).toEqual(
      [
        '东城分局加强夜间巡逻防控',
        '冬季道路交通安全出行提示',
        '新修订治安管理处罚法要点解读',
        '西城分局“警营开放日”活动预告',
        '警惕“刷单返利”类电信网络诈骗',
      ].sort(),
    );
    expect(new Set(posts.map((p) => p.departmentName))).toEqual(new Set(['宣传处', '东城分局', '西城分局']));
    expect(new Set(posts.flatMap((p) => p.channels))).toEqual(new Set(['weibo', 'wechat', 'portal']));
    for (const p of posts) {
      expect(p.status).toBe('scheduled');
      expect(p.reviewSteps.map((s) => [s.level, s.decision, s.reviewerName])).toEqual([
        [1, 'approve', '李初审'],
        [2, 'approve', '张终审'],
      ]);
      expect(p.publications.every((x) => x.status === 'queued')).toBe(true);
    }
    // 南湖警方 is the demo's 超期未更新 account: nothing of Sunlight's goes there.
    expect(posts.flatMap((p) => p.variants.map((v) => v.accountName))).not.toContain('南湖警方');
  });

  it('sends the posts due now to the platforms; the scheduled ones wait on the calendar', async () => {
    await work();
    const posts = await demoPosts();
    const now = t.clock.now().getTime();
    const dueNow = posts.filter((p) => p.scheduledAt === null || Date.parse(p.scheduledAt) <= now);
    const later = posts.filter((p) => p.scheduledAt !== null && Date.parse(p.scheduledAt) > now);
    expect(dueNow.map((p) => p.title).sort()).toEqual(
      ['东城分局加强夜间巡逻防控', '冬季道路交通安全出行提示', '警惕“刷单返利”类电信网络诈骗'].sort(),
    );
    expect(later).toHaveLength(2);
    for (const p of dueNow) {
      expect({ title: p.title, status: p.status }).toEqual({ title: p.title, status: 'published' });
      expect(p.publications.every((x) => x.status === 'published' && x.url)).toBe(true);
    }
    expect((await sent(sb, '平安示范')).map((x) => x.text).join()).toContain('冬季道路交通安全出行提示');
    expect((await sent(sb, '东城警方')).map((x) => x.title)).toContain('东城分局加强夜间巡逻防控');
    expect((await sent(sb, '示范市公安局门户网站')).map((x) => x.title)).toEqual([
      '警惕“刷单返利”类电信网络诈骗',
    ]);
    for (const p of later) expect(p.publications.every((x) => x.status === 'queued')).toBe(true);
    const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const events = (
      await approver.get<CalendarEvent[]>(`/api/calendar?from=${day(now)}&to=${day(now + 6 * 86_400_000)}`)
    ).body;
    const waiting = events.filter((e) => e.movable).map((e) => e.title);
    expect(new Set(waiting)).toEqual(new Set(later.map((p) => p.title)));
  }, 180_000);

  it('imports every account’s history, the portal’s beyond its feed, with statistics by day', async () => {
    await work();
    const admin = await t.as('demo_admin');
    const accounts = (await admin.get<Account[]>('/api/accounts')).body;
    expect(accounts).toHaveLength(9);
    for (const a of accounts) {
      const { latest } = (await admin.get<AccountImportState>(`/api/accounts/${a.id}/import`)).body;
      expect({ account: a.name, status: latest?.status }).toEqual({ account: a.name, status: 'done' });
    }
    const portal = accounts.find((a) => a.channel === 'portal')!;
    const [stored] = await t.ds.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM publications WHERE account_id = ? AND status = 'published'`,
      [portal.id],
    );
    // 80 seeded articles and the demo's own; the feed shows 50.
    expect(Number(stored!.n)).toBe(81);
    const [older] = await t.ds.query<{ n: number | string }[]>(
      `SELECT COUNT(DISTINCT p.account_id) AS n FROM metric_snapshots m JOIN publications p ON p.id = m.publication_id
        WHERE m.day IS NOT NULL AND m.day < ?`,
      [new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10)],
    );
    // Page views of the portal and reads of the four WeChat accounts, from before the last week polling reads.
    expect(Number(older!.n)).toBe(5);
    // WeChat comments on articles older than the month polling watches.
    const [comments] = await t.ds.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM interactions i JOIN accounts a ON a.id = i.account_id
        WHERE a.channel = 'wechat' AND i.kind = 'comment' AND i.created_at < ?`,
      [toDbInstant(t.ds, new Date(Date.now() - 60 * 86_400_000))],
    );
    expect(Number(comments!.n)).toBeGreaterThan(5);
  }, 180_000);

  it('writes nothing again on a later start', async () => {
    const before = (await demoPosts()).length;
    await t.app.get(DemoFirstStart).run();
    expect(await t.app.get(DemoPosts).writeOnce()).toBe(0);
    expect(await demoPosts()).toHaveLength(before);
  });
});
