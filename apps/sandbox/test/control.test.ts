import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  share,
  startTest,
  weibo,
  weiboAccount,
  wechatAccount,
  wx,
  wxToken,
  type TestSandbox,
} from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTest();
});
afterAll(() => t.close());

type Summary = {
  posts: number;
  originals: number;
  forwards: number;
  comments: number;
  bursts: { event: string }[];
};

describe('control API', () => {
  it('creates, lists, shows and patches accounts; rejects bad input and duplicates', async () => {
    const bad = await t.ctl<{ error: { message: string } }>('POST', '/accounts', { platform: 'weibo' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('name');
    const a = await weiboAccount(t, { name: '账号管理', uid: '2600000001' });
    expect(
      (await t.ctl('POST', '/accounts', { platform: 'weibo', name: '重复', uid: '2600000001' })).status,
    ).toBe(409);
    const list = await t.ctl<{ accounts: { id: string }[] }>('GET', '/accounts?platform=weibo');
    expect(list.body.accounts.map((x) => x.id)).toContain(a.id);
    const patched = await t.ctl<{
      config: { limits: { callsPerHour: number; postsPerHour: number }; safeDomains: string[] };
    }>('PATCH', `/accounts/${a.id}`, {
      limits: { postsPerHour: 5 },
      safeDomains: ['gaj.example.gov.cn'],
    });
    expect(patched.body.config.limits).toMatchObject({ postsPerHour: 5, callsPerHour: 1000 });
    expect((await share(t, a, '链接到门户 http://gaj.example.gov.cn/a.html')).status).toBe(200);
    expect((await share(t, a, '链接到本机 http://localhost/a')).body.error_code).toBe(10017);
    expect((await t.ctl('GET', '/accounts/nobody')).status).toBe(404);
  });

  it('seeds a year of Weibo history with the asked original/forward mix, metrics and comments', async () => {
    const a = await weiboAccount(t, { name: '历史账号' });
    const r = await t.ctl<Summary>('POST', `/accounts/${a.id}/history`, {
      from: '2025-01-01',
      to: '2025-12-31',
      count: 200,
      originalRatio: 0.3,
      commentsPerPost: 2,
    });
    expect(r.status).toBe(201);
    expect(r.body.posts).toBe(200);
    expect(r.body.originals + r.body.forwards).toBe(200);
    expect(r.body.originals / 200).toBeGreaterThan(0.2);
    expect(r.body.originals / 200).toBeLessThan(0.4);
    expect(r.body.comments).toBeGreaterThan(200);
    expect(r.body.bursts).toHaveLength(3);
    // Import it back through the API the way an adapter pages a timeline.
    const seen: {
      idstr: string;
      created_at: string;
      retweeted_status?: { user: { screen_name: string } };
      comments_count: number;
      reposts_count: number;
    }[] = [];
    let maxId: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
        access_token: a.token,
        count: '100',
        ...(maxId ? { max_id: maxId } : {}),
      });
      const statuses = page.body.statuses as typeof seen;
      const fresh = maxId ? statuses.slice(1) : statuses;
      if (fresh.length === 0) break;
      seen.push(...fresh);
      maxId = statuses[statuses.length - 1]!.idstr;
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((s) => s.idstr)).size).toBe(200);
    const years = new Set(seen.map((s) => s.created_at.slice(-4)));
    expect([...years]).toEqual(['2025']);
    const forwards = seen.filter((s) => s.retweeted_status);
    expect(forwards).toHaveLength(r.body.forwards);
    expect(forwards[0]!.retweeted_status!.user.screen_name).toBeTruthy();
    expect(seen.reduce((s, x) => s + x.comments_count, 0)).toBeGreaterThanOrEqual(r.body.comments);
    const ledger = await t.ctl<{ total: number }>('GET', `/published?account=${a.id}&origin=history`);
    expect(ledger.body.total).toBe(200);
    expect((await t.ctl<{ total: number }>('GET', `/published?account=${a.id}`)).body.total).toBe(0);
    const future = await t.ctl('POST', `/accounts/${a.id}/history`, {
      from: '2099-01-01',
      to: '2099-02-01',
      count: 5,
    });
    expect(future.status).toBe(400);
    const badDate = await t.ctl('POST', `/accounts/${a.id}/history`, {
      from: '2025-13-01',
      to: '2025-12-31',
      count: 5,
    });
    expect(badDate.status).toBe(400);
  });

  it('seeds WeChat and portal history that the platform APIs return', async () => {
    const w = await wechatAccount(t, { name: '历史公众号' });
    const r = await t.ctl<Summary>('POST', `/accounts/${w.id}/history`, {
      from: '2025-03-01',
      to: '2025-03-31',
      count: 20,
      originalRatio: 1,
    });
    expect(r.body).toMatchObject({ posts: 20, originals: 20 });
    const token = await wxToken(t, w.appid, w.secret);
    const list = await wx<{ total_count: number }>(t, '/cgi-bin/freepublish/batchget', token, {
      offset: 0,
      count: 20,
      no_content: 1,
    });
    expect(list.total_count).toBe(20);
    const cube = await wx<{ list: unknown[] }>(t, '/datacube/getuserread', token, {
      begin_date: '2025-03-10',
      end_date: '2025-03-12',
    });
    expect(cube.list).toHaveLength(3);
    const p = await t.ctl<{ id: string; baseUrl: string }>('POST', '/accounts', {
      platform: 'portal',
      name: '历史门户',
      columns: [
        { code: 'jwdt', name: '警务动态' },
        { code: 'tzgg', name: '通知公告' },
      ],
    });
    const ph = await t.ctl<Summary & { letters: number }>('POST', `/accounts/${p.body.id}/history`, {
      from: '2025-01-01',
      to: '2025-06-30',
      count: 60,
    });
    expect(ph.body.posts).toBe(60);
    expect(ph.body.letters).toBe(20);
    const feed = await (await fetch(`${p.body.baseUrl}/rss.xml`)).text();
    expect((feed.match(/<item>/g) ?? []).length).toBe(50);
  });

  it('advance is deterministic under the seed', async () => {
    const run = async (seed: string) => {
      const s = await startTest({ seed });
      const a = await weiboAccount(s);
      await share(s, a, '确定性测试 http://localhost/d');
      const r = await s.ctl<{
        items: { kind: string; text: string | null; user: string | null; category: string | null }[];
      }>('POST', '/public/advance', { count: 40 });
      await s.close();
      return r.body.items.map((i) => [i.kind, i.text, i.user, i.category]);
    };
    const x = await run('same');
    expect(x).toHaveLength(40);
    expect(await run('same')).toEqual(x);
    expect(await run('different')).not.toEqual(x);
  });

  it("an event burst fills the public's messages with the event's terms", async () => {
    const a = await weiboAccount(t, { name: '爆发测试' });
    await share(t, a, '交通提示 http://localhost/t');
    const r = await t.ctl<{ items: { text: string | null; event: string | null }[] }>(
      'POST',
      '/public/advance',
      {
        count: 60,
        accounts: [a.id],
        kinds: { comment: 1, mention: 1 },
        event: 'rainstorm',
      },
    );
    const about = r.body.items.filter((i) => i.event === 'rainstorm');
    expect(about.length).toBeGreaterThan(30);
    expect(about.every((i) => /暴雨|积水/.test(i.text!))).toBe(true);
    expect((await t.ctl('POST', '/public/advance', { count: 1, event: 'no-such-event' })).status).toBe(400);
  });

  it('published groups the same content sent twice under different ids as a duplicate', async () => {
    const a = await weiboAccount(t, { name: '一次发布', duplicateWindowHours: 0 });
    await share(t, a, '只应发布一次 http://localhost/post?key=1');
    await share(t, a, '只应发布一次 http://localhost/post?key=2');
    await share(t, a, '另一条 http://localhost/other');
    const r = await t.ctl<{
      total: number;
      counts: Record<string, number>;
      duplicates: { count: number; externalIds: string[] }[];
    }>('GET', `/published?account=${a.id}`);
    expect(r.body.total).toBe(3);
    expect(r.body.counts[a.id]).toBe(3);
    expect(r.body.duplicates).toHaveLength(1);
    expect(r.body.duplicates[0]!.count).toBe(2);
  });

  it('demo sets up one Weibo and one WeChat per department and an eight-column portal, once', async () => {
    const s = await startTest({ seed: 'demo' });
    try {
      const input = {
        departments: [
          { code: 'sj', name: '市局' },
          { code: 'dh', name: '东湖分局' },
        ],
        history: { weibo: 20, wechat: 5, portal: 30 },
      };
      const m = await s.ctl<{
        departments: {
          weibo: { platform: string; credentials: { accessToken: string } };
          wechat: { platform: string };
        }[];
        portal: { config: { columns: unknown[] }; baseUrl: string };
      }>('POST', '/demo', input);
      expect(m.status).toBe(200);
      expect(m.body.departments).toHaveLength(2);
      expect(
        m.body.departments.every((d) => d.weibo.platform === 'weibo' && d.wechat.platform === 'wechat'),
      ).toBe(true);
      expect(m.body.portal.config.columns).toHaveLength(8);
      expect((await s.ctl<{ accounts: unknown[] }>('GET', '/accounts')).body.accounts).toHaveLength(5);
      const again = await s.ctl<{ departments: unknown[] }>('POST', '/demo', {});
      expect(again.body.departments).toHaveLength(2);
      const tok = m.body.departments[0]!.weibo.credentials.accessToken;
      const tl = await weibo(s, 'GET', '/2/statuses/user_timeline.json', { access_token: tok });
      expect(tl.body.total_number).toBe(20);
    } finally {
      await s.close();
    }
  });
});
