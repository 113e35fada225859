import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTest, TINY_JPEG, wechatAccount, wx, wxToken, type TestSandbox } from './helpers';

let t: TestSandbox;
let token: string;
let accountId: string;
let msgDataId: string;
let appid: string;
let secret: string;

type Err = { errcode: number; errmsg: string };
type CommentList = {
  errcode: number;
  total: number;
  comment: {
    user_comment_id: number;
    openid: string;
    content: string;
    comment_type: number;
    reply?: { content: string };
  }[];
};

beforeAll(async () => {
  t = await startTest();
  const acc = await wechatAccount(t, { publishDelayMs: 0 });
  accountId = acc.id;
  ({ appid, secret } = acc);
  token = await wxToken(t, appid, secret);
  const form = new FormData();
  form.set('media', new Blob([TINY_JPEG]), 'cover.jpg');
  const thumb = (
    (await (
      await fetch(`${t.url}/cgi-bin/material/add_material?type=image&access_token=${token}`, {
        method: 'POST',
        body: form,
      })
    ).json()) as { media_id: string }
  ).media_id;
  const draft = await wx<{ media_id: string }>(t, '/cgi-bin/draft/add', token, {
    articles: [
      {
        title: '关于户籍业务的温馨提示',
        content: '<p>正文</p>',
        thumb_media_id: thumb,
        need_open_comment: 1,
      },
    ],
  });
  msgDataId = (
    await wx<{ msg_data_id: string }>(t, '/cgi-bin/freepublish/submit', token, { media_id: draft.media_id })
  ).msg_data_id;
  await t.ctl('POST', '/clock', { advanceSeconds: 1 });
});
afterAll(() => t.close());

describe('comment (留言)', () => {
  it('lists the public comments on a published article, 0-based or 1-based index alike', async () => {
    const adv = await t.ctl<{ items: { kind: string; text: string }[] }>('POST', '/public/advance', {
      count: 5,
      accounts: [accountId],
      kinds: { comment: 1 },
    });
    expect(adv.body.items).toHaveLength(5);
    const zero = await wx<CommentList>(t, '/cgi-bin/comment/list', token, {
      msg_data_id: msgDataId,
      index: 0,
      begin: 0,
      count: 10,
      type: 0,
    });
    const one = await wx<CommentList>(t, '/cgi-bin/comment/list', token, {
      msg_data_id: msgDataId,
      index: 1,
      begin: 0,
      count: 10,
      type: 0,
    });
    expect(zero.errcode).toBe(0);
    expect(zero.total).toBe(5);
    expect(one).toEqual(zero);
    expect(zero.comment.map((c) => c.content)).toEqual(adv.body.items.map((i) => i.text));
    expect(zero.comment[0]!.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    const page = await wx<CommentList>(t, '/cgi-bin/comment/list', token, {
      msg_data_id: msgDataId,
      index: 0,
      begin: 3,
      count: 10,
      type: 0,
    });
    expect(page.comment.map((c) => c.user_comment_id)).toEqual([4, 5]);
  });

  it('reply/add answers once (88005 the second time); markelect filters type 2', async () => {
    const ok = await wx<Err>(t, '/cgi-bin/comment/reply/add', token, {
      msg_data_id: msgDataId,
      index: 0,
      user_comment_id: 2,
      content: '您好，已转交相关部门。',
    });
    expect(ok).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(
      (
        await wx<Err>(t, '/cgi-bin/comment/reply/add', token, {
          msg_data_id: msgDataId,
          index: 0,
          user_comment_id: 2,
          content: '再答',
        })
      ).errcode,
    ).toBe(88005);
    expect(
      (
        await wx<Err>(t, '/cgi-bin/comment/reply/add', token, {
          msg_data_id: msgDataId,
          index: 0,
          user_comment_id: 3,
          content: '',
        })
      ).errcode,
    ).toBe(88007);
    await wx(t, '/cgi-bin/comment/markelect', token, {
      msg_data_id: msgDataId,
      index: 0,
      user_comment_id: 2,
    });
    const elected = await wx<CommentList>(t, '/cgi-bin/comment/list', token, {
      msg_data_id: msgDataId,
      index: 0,
      begin: 0,
      count: 10,
      type: 2,
    });
    expect(elected.comment).toHaveLength(1);
    expect(elected.comment[0]).toMatchObject({ user_comment_id: 2, comment_type: 1 });
    expect(elected.comment[0]!.reply?.content).toBe('您好，已转交相关部门。');
    const ledger = await t.ctl<{ items: { kind: string; text: string }[] }>(
      'GET',
      `/published?account=${accountId}&kind=reply`,
    );
    expect(ledger.body.items.map((i) => i.text)).toEqual(['您好，已转交相关部门。']);
  });

  it('answers comment errors: 88010 count range, 88001 unknown message, 88008 unknown comment', async () => {
    expect(
      (
        await wx<Err>(t, '/cgi-bin/comment/list', token, {
          msg_data_id: msgDataId,
          index: 0,
          begin: 0,
          count: 50,
          type: 0,
        })
      ).errcode,
    ).toBe(88010);
    expect(
      (
        await wx<Err>(t, '/cgi-bin/comment/list', token, {
          msg_data_id: '1',
          index: 0,
          begin: 0,
          count: 10,
          type: 0,
        })
      ).errcode,
    ).toBe(88001);
    expect(
      (
        await wx<Err>(t, '/cgi-bin/comment/delete', token, {
          msg_data_id: msgDataId,
          index: 0,
          user_comment_id: 99,
        })
      ).errcode,
    ).toBe(88008);
  });
});

describe('datacube', () => {
  it("getarticlesummary reports yesterday's reads; today or a too-long span is 61501, a bad date 61500", async () => {
    await t.ctl('POST', '/public/advance', { count: 20, accounts: [accountId], kinds: { read: 1 } });
    const day = (await t.ctl<{ beijing: string }>('GET', '/clock')).body.beijing.slice(0, 10);
    const today = await wx<Err>(t, '/datacube/getarticlesummary', token, { begin_date: day, end_date: day });
    expect(today.errcode).toBe(61501);
    await t.ctl('POST', '/clock', { advanceSeconds: 86_400 });
    // A day later the old access token has long expired.
    token = await wxToken(t, appid, secret);
    const r = await wx<{
      list: {
        ref_date: string;
        msgid: string;
        title: string;
        int_page_read_count: number;
        int_page_read_user: number;
      }[];
    }>(t, '/datacube/getarticlesummary', token, { begin_date: day, end_date: day });
    expect(r.list).toHaveLength(1);
    expect(r.list[0]).toMatchObject({
      ref_date: day,
      msgid: `${msgDataId}_1`,
      title: '关于户籍业务的温馨提示',
    });
    expect(r.list[0]!.int_page_read_count).toBeGreaterThan(100);
    expect(r.list[0]!.int_page_read_user).toBeLessThanOrEqual(r.list[0]!.int_page_read_count);
    const total = await wx<{ list: { details: { stat_date: string; int_page_read_count: number }[] }[] }>(
      t,
      '/datacube/getarticletotal',
      token,
      { begin_date: day, end_date: day },
    );
    expect(total.list[0]!.details[0]!.int_page_read_count).toBe(r.list[0]!.int_page_read_count);
    const userRead = await wx<{ list: { ref_date: string; int_page_read_count: number }[] }>(
      t,
      '/datacube/getuserread',
      token,
      { begin_date: day, end_date: day },
    );
    expect(userRead.list[0]!.int_page_read_count).toBe(r.list[0]!.int_page_read_count);
    const summary = await wx<{ list: { new_user: number; cancel_user: number }[] }>(
      t,
      '/datacube/getusersummary',
      token,
      { begin_date: day, end_date: day },
    );
    expect(summary.list).toHaveLength(1);
    expect(
      (
        await wx<Err>(t, '/datacube/getarticlesummary', token, {
          begin_date: '2024-01-01',
          end_date: '2024-01-02',
        })
      ).errcode,
    ).toBe(61501);
    expect(
      (
        await wx<Err>(t, '/datacube/getarticlesummary', token, {
          begin_date: '2024/01/01',
          end_date: '2024-01-01',
        })
      ).errcode,
    ).toBe(61500);
  });
});
