import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { share, startTest, weibo, weiboAccount, type TestSandbox, type WeiboCreds } from './helpers';

let t: TestSandbox;
let a: WeiboCreds;
let statusId: string;

beforeAll(async () => {
  t = await startTest();
  a = await weiboAccount(t);
  statusId = (await share(t, a, '【便民服务】身份证换领指南 http://localhost/guide')).body.idstr as string;
});
afterAll(() => t.close());

type Comment = {
  idstr: string;
  text: string;
  user: { idstr: string };
  reply_comment?: { idstr: string };
  status: { idstr: string };
};

describe('comments', () => {
  it('the simulated public comments; comments/show and comments/to_me list them newest first', async () => {
    const adv = await t.ctl<{ items: { kind: string; id: string; text: string }[] }>(
      'POST',
      '/public/advance',
      {
        count: 6,
        accounts: [a.id],
        kinds: { comment: 1 },
      },
    );
    expect(adv.body.items).toHaveLength(6);
    const show = await weibo(t, 'GET', '/2/comments/show.json', {
      access_token: a.token,
      id: statusId,
      count: '4',
    });
    const comments = show.body.comments as Comment[];
    expect(show.body.total_number).toBe(6);
    expect(comments).toHaveLength(4);
    expect(comments.map((c) => c.idstr)).toEqual(
      [...adv.body.items]
        .reverse()
        .slice(0, 4)
        .map((i) => i.id),
    );
    expect(comments[0]!.status.idstr).toBe(statusId);
    expect(comments[0]!.text).toMatch(/[\u4e00-\u9fa5]/);
    const page2 = await weibo(t, 'GET', '/2/comments/show.json', {
      access_token: a.token,
      id: statusId,
      count: '4',
      max_id: comments[3]!.idstr,
    });
    const again = page2.body.comments as Comment[];
    expect(again[0]!.idstr).toBe(comments[3]!.idstr);
    expect(again).toHaveLength(3);
    const toMe = await weibo(t, 'GET', '/2/comments/to_me.json', { access_token: a.token });
    expect((toMe.body.comments as Comment[]).length).toBe(6);
  });

  it('comments/reply answers a comment with "回复@name:" and reply_comment; by_me lists it', async () => {
    const show = await weibo(t, 'GET', '/2/comments/show.json', {
      access_token: a.token,
      id: statusId,
      count: '1',
    });
    const target = (show.body.comments as (Comment & { user: { screen_name: string } })[])[0]!;
    const r = await weibo(t, 'POST', '/2/comments/reply.json', {
      access_token: a.token,
      cid: target.idstr,
      id: statusId,
      comment: '您好，可就近到派出所办理。',
      rip: '1.2.3.4',
    });
    expect(r.status).toBe(200);
    expect(r.body.text).toBe(`回复@${target.user.screen_name}:您好，可就近到派出所办理。`);
    expect((r.body.reply_comment as { idstr: string }).idstr).toBe(target.idstr);
    expect(r.raw).toContain(`"id":${r.body.idstr as string}`);
    const byMe = await weibo(t, 'GET', '/2/comments/by_me.json', { access_token: a.token });
    expect((byMe.body.comments as Comment[]).map((c) => c.idstr)).toEqual([r.body.idstr]);
    const dup = await weibo(t, 'POST', '/2/comments/reply.json', {
      access_token: a.token,
      cid: target.idstr,
      id: statusId,
      comment: '您好，可就近到派出所办理。',
      rip: '1.2.3.4',
    });
    expect(dup.body.error_code).toBe(20019);
    const noMention = await weibo(t, 'POST', '/2/comments/reply.json', {
      access_token: a.token,
      cid: target.idstr,
      id: statusId,
      comment: '补充：周末也可办理。',
      without_mention: '1',
      rip: '1.2.3.4',
    });
    expect(noMention.body.text).toBe('补充：周末也可办理。');
  });

  it('the public follows up on an answer (reply), which reaches comments/to_me with reply_comment', async () => {
    const adv = await t.ctl<{ items: { kind: string; id: string; text: string }[] }>(
      'POST',
      '/public/advance',
      {
        count: 2,
        accounts: [a.id],
        kinds: { reply: 1 },
      },
    );
    expect(adv.body.items.every((i) => i.kind === 'reply')).toBe(true);
    expect(adv.body.items[0]!.text).toMatch(/^回复@平安江城:/);
    const toMe = await weibo(t, 'GET', '/2/comments/to_me.json', { access_token: a.token, count: '1' });
    const latest = (toMe.body.comments as Comment[])[0]!;
    expect(latest.idstr).toBe(adv.body.items[1]!.id);
    expect(latest.reply_comment).toBeDefined();
    const timeline = await weibo(t, 'GET', '/2/comments/timeline.json', {
      access_token: a.token,
      count: '200',
    });
    // 6 comments from the public, 2 answers by the account, 2 follow-ups.
    expect(timeline.body.total_number).toBe(10);
  });

  it('comments/create on a status, and its errors: 20101 missing status, 20201 missing comment, 10016', async () => {
    const c = await weibo(t, 'POST', '/2/comments/create.json', {
      access_token: a.token,
      id: statusId,
      comment: '置顶说明：工作日办理。',
      rip: '1.2.3.4',
    });
    expect(c.status).toBe(200);
    expect((c.body.status as { idstr: string }).idstr).toBe(statusId);
    const noStatus = await weibo(t, 'POST', '/2/comments/create.json', {
      access_token: a.token,
      id: '77',
      comment: 'x',
      rip: '1.2.3.4',
    });
    expect(noStatus.body.error_code).toBe(20101);
    const noCid = await weibo(t, 'POST', '/2/comments/reply.json', {
      access_token: a.token,
      id: statusId,
      cid: '88',
      comment: 'x',
      rip: '1.2.3.4',
    });
    expect(noCid.body.error_code).toBe(20201);
    const missing = await weibo(t, 'POST', '/2/comments/create.json', {
      access_token: a.token,
      id: statusId,
      rip: '1.2.3.4',
    });
    expect(missing.body).toMatchObject({
      error_code: 10016,
      error: 'Miss required parameter (comment) , see doc for more info',
    });
  });

  it('mentions: a public status with @name shows in statuses/mentions', async () => {
    const adv = await t.ctl<{ items: { id: string; text: string }[] }>('POST', '/public/advance', {
      count: 3,
      accounts: [a.id],
      kinds: { mention: 1 },
    });
    const m = await weibo(t, 'GET', '/2/statuses/mentions.json', { access_token: a.token });
    const statuses = m.body.statuses as { idstr: string; text: string; user: { verified_type: number } }[];
    expect(statuses.map((s) => s.idstr)).toEqual([...adv.body.items].reverse().map((i) => i.id));
    expect(statuses[0]!.text.startsWith('@平安江城 ')).toBe(true);
    expect(statuses[0]!.user.verified_type).toBe(-1);
    const followed = await weibo(t, 'GET', '/2/statuses/mentions.json', {
      access_token: a.token,
      filter_by_author: '1',
    });
    expect(followed.body.statuses).toEqual([]);
  });

  it('likes and reposts from the public raise statuses/count', async () => {
    const before = await weibo(t, 'GET', '/2/statuses/count.json', { access_token: a.token, ids: statusId });
    await t.ctl('POST', '/public/advance', { count: 5, accounts: [a.id], kinds: { like: 1, repost: 1 } });
    const after = await weibo(t, 'GET', '/2/statuses/count.json', { access_token: a.token, ids: statusId });
    const b = (before.body as unknown as { reposts: number; attitudes: number }[])[0]!;
    const c = (after.body as unknown as { reposts: number; attitudes: number }[])[0]!;
    expect(c.reposts + c.attitudes).toBeGreaterThan(b.reposts + b.attitudes);
  });
});
