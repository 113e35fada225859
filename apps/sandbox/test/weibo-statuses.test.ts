import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { share, startTest, weibo, weiboAccount, type TestSandbox, type WeiboCreds } from './helpers';

let t: TestSandbox;
let a: WeiboCreds;

beforeAll(async () => {
  t = await startTest();
  a = await weiboAccount(t);
});
afterAll(() => t.close());

describe('statuses/share', () => {
  it('publishes a status with int64 id, string idstr/mid, Weibo date and a government user', async () => {
    const r = await share(t, a, '【警方提示】注意防范电信诈骗 http://localhost/a/1');
    expect(r.status).toBe(200);
    const idstr = r.body.idstr as string;
    expect(typeof idstr).toBe('string');
    expect(r.body.mid).toBe(idstr);
    // The id is written as a bare number with every digit, and it is beyond 2^53.
    expect(r.raw).toContain(`"id":${idstr},`);
    expect(BigInt(idstr) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(String(r.body.id)).not.toBe(idstr);
    expect(r.body.created_at).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \+0800 \d{4}$/);
    const user = r.body.user as Record<string, unknown>;
    expect(user.idstr).toBe(a.uid);
    expect(user.verified_type).toBe(1);
    expect(user.screen_name).toBe('平安江城');
  });

  it('refuses a missing status with 10016 and HTTP 400', async () => {
    const r = await weibo(t, 'POST', '/2/statuses/share.json', { access_token: a.token, rip: '1.1.1.1' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      request: '/2/statuses/share.json',
      error_code: 10016,
      error: 'Miss required parameter (status) , see doc for more info',
    });
  });

  it('requires rip on writes (10016)', async () => {
    const r = await weibo(t, 'POST', '/2/statuses/share.json', {
      access_token: a.token,
      status: '测试 http://localhost/x',
    });
    expect(r.body.error_code).toBe(10016);
    expect(r.body.error).toContain('(rip)');
  });

  it('refuses text without a link to the safe domain (10017 appkey not bind domain)', async () => {
    const r = await share(t, a, '没有链接的微博');
    expect(r.body.error_code).toBe(10017);
    expect(r.body.error).toBe('appkey not bind domain!');
    const other = await share(t, a, '外链 https://example.com/page');
    expect(other.body.error_code).toBe(10017);
  });

  it('refuses text over 140 characters (20012)', async () => {
    const r = await share(t, a, `${'长'.repeat(141)} http://localhost/l`);
    expect(r.body.error_code).toBe(20012);
    const ok = await share(t, a, `${'长'.repeat(125)} http://localhost/l`);
    expect(ok.status).toBe(200);
  });

  it('rejects repeated content: 20111 for the latest text, 20019 for an older one', async () => {
    const first = await share(t, a, '重复测试一 http://localhost/r1');
    expect(first.status).toBe(200);
    const again = await share(t, a, '重复测试一 http://localhost/r1');
    expect(again.body).toMatchObject({ error_code: 20111, error: 'Repeated weibo text!' });
    await share(t, a, '重复测试二 http://localhost/r2');
    const older = await share(t, a, '重复测试一 http://localhost/r1');
    expect(older.status).toBe(400);
    expect(older.body).toMatchObject({ error_code: 20019, error: 'repeat content!' });
    const ledger = await t.ctl<{ rejections: { code: string }[] }>('GET', `/published?account=${a.id}`);
    expect(ledger.body.rejections.map((x) => x.code)).toEqual(['20111', '20019']);
  });

  it('accepts a picture (multipart) and rejects a non-image (20005)', async () => {
    const form = new FormData();
    form.set('access_token', a.token);
    form.set('status', '带图微博 http://localhost/p');
    form.set('rip', '1.2.3.4');
    form.set('pic', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])]), 'a.png');
    const res = await fetch(`${t.url}/2/statuses/share.json`, { method: 'POST', body: form });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body.original_pic).toMatch(/\/wbimg\/large\/.+\.jpg$/);
    const img = await fetch(body.original_pic as string);
    expect(img.headers.get('content-type')).toBe('image/png');
    const bad = new FormData();
    for (const [k, v] of [
      ['access_token', a.token],
      ['status', '坏图 http://localhost/q'],
      ['rip', '1.2.3.4'],
    ])
      bad.set(k!, v!);
    bad.set('pic', new Blob([Buffer.from('not an image')]), 'a.txt');
    const r2 = (await (
      await fetch(`${t.url}/2/statuses/share.json`, { method: 'POST', body: bad })
    ).json()) as Record<string, unknown>;
    expect(r2.error_code).toBe(20005);
  });
});

describe('timelines', () => {
  it('user_timeline pages newest first with an inclusive max_id and an exclusive since_id', async () => {
    const b = await weiboAccount(t, { name: '东湖公安' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await share(t, b, `第${i}条 http://localhost/${i}`)).body.idstr as string);
    const page1 = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
      access_token: b.token,
      count: '2',
    });
    const got1 = (page1.body.statuses as { idstr: string }[]).map((s) => s.idstr);
    expect(got1).toEqual([ids[4], ids[3]]);
    expect(page1.body.total_number).toBe(5);
    // next_cursor is the first id of the next page, written as an exact int64.
    expect(page1.raw).toContain(`"next_cursor":${ids[2]}`);
    const page2 = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
      access_token: b.token,
      count: '2',
      max_id: got1[1]!,
    });
    expect((page2.body.statuses as { idstr: string }[]).map((s) => s.idstr)).toEqual([ids[3], ids[2]]);
    const since = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
      access_token: b.token,
      since_id: ids[2]!,
    });
    expect((since.body.statuses as { idstr: string }[]).map((s) => s.idstr)).toEqual([ids[4], ids[3]]);
    const byPage = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
      access_token: b.token,
      count: '2',
      page: '3',
    });
    expect((byPage.body.statuses as { idstr: string }[]).map((s) => s.idstr)).toEqual([ids[0]]);
    expect(byPage.raw).toContain('"next_cursor":0');
  });

  it('user_timeline of another uid, trim_user, feature=1 and an unknown uid (20003)', async () => {
    const c = await weiboAccount(t, { name: '江北公安' });
    await share(t, c, '原创 http://localhost/o');
    const other = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
      access_token: a.token,
      uid: c.uid,
      trim_user: '1',
    });
    const s = (other.body.statuses as Record<string, unknown>[])[0]!;
    expect(s.user).toBe(Number(c.uid));
    const unknown = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
      access_token: a.token,
      uid: '1234567',
    });
    expect(unknown.body.error_code).toBe(20003);
    const bad = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
      access_token: a.token,
      since_id: 'abc',
    });
    expect(bad.body.error_code).toBe(10017);
  });

  it('repost creates a forward with retweeted_status, counts it, and 20101 for a missing target', async () => {
    const src = await weiboAccount(t, { name: '江南公安' });
    const orig = await share(t, src, '【权威发布】原始微博 http://localhost/src');
    const id = orig.body.idstr as string;
    const rp = await weibo(t, 'POST', '/2/statuses/repost.json', {
      access_token: a.token,
      id,
      status: '扩散！',
      rip: '1.2.3.4',
      is_comment: '1',
    });
    expect(rp.status).toBe(200);
    expect((rp.body.retweeted_status as { idstr: string }).idstr).toBe(id);
    const again = await weibo(t, 'POST', '/2/statuses/repost.json', {
      access_token: a.token,
      id,
      status: '扩散！',
      rip: '1.2.3.4',
    });
    expect(again.body.error_code).toBe(20019);
    const count = await weibo(t, 'GET', '/2/statuses/count.json', {
      access_token: a.token,
      ids: `${id},99999999999`,
    });
    expect(count.raw).toContain(`"id":${id}`);
    expect(count.body).toEqual([expect.objectContaining({ reposts: 1, comments: 1, attitudes: 0 })]);
    const timeline = await weibo(t, 'GET', '/2/statuses/repost_timeline.json', { access_token: a.token, id });
    expect((timeline.body.reposts as { idstr: string }[]).map((s) => s.idstr)).toEqual([rp.body.idstr]);
    const feature = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {
      access_token: a.token,
      feature: '1',
    });
    expect((feature.body.statuses as { idstr: string }[]).some((s) => s.idstr === rp.body.idstr)).toBe(false);
    const missing = await weibo(t, 'POST', '/2/statuses/repost.json', {
      access_token: a.token,
      id: '123',
      rip: '1.2.3.4',
    });
    expect(missing.body.error_code).toBe(20101);
    const show = await weibo(t, 'GET', '/2/statuses/show.json', {
      access_token: a.token,
      id: rp.body.idstr as string,
    });
    expect(show.body.text).toBe('扩散！');
    const ledger = await t.ctl<{ items: { kind: string; externalId: string }[] }>(
      'GET',
      `/published?account=${a.id}&kind=forward`,
    );
    expect(ledger.body.items.map((i) => i.externalId)).toEqual([rp.body.idstr]);
  });

  it('destroy removes the status; a stranger cannot (20102); count omits it', async () => {
    const d = await share(t, a, '待删除 http://localhost/d');
    const id = d.body.idstr as string;
    const other = await weiboAccount(t, { name: '滨江公安' });
    const denied = await weibo(t, 'POST', '/2/statuses/destroy.json', { access_token: other.token, id });
    expect(denied.body.error_code).toBe(20102);
    const ok = await weibo(t, 'POST', '/2/statuses/destroy.json', { access_token: a.token, id });
    expect(ok.body.idstr).toBe(id);
    const gone = await weibo(t, 'GET', '/2/statuses/show.json', { access_token: a.token, id });
    expect(gone.body.error_code).toBe(20101);
    const count = await weibo(t, 'GET', '/2/statuses/count.json', { access_token: a.token, ids: id });
    expect(count.body).toEqual([]);
  });

  it('answers a wrong method with 10021 and an unknown API with 10020', async () => {
    const m = await weibo(t, 'GET', '/2/statuses/share.json', { access_token: a.token });
    expect(m.body.error_code).toBe(10021);
    const u = await weibo(t, 'GET', '/2/statuses/nothing.json', { access_token: a.token });
    expect(u.status).toBe(404);
    expect(u.body.error_code).toBe(10020);
  });

  it('users/show and account/get_uid describe the caller', async () => {
    const me = await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: a.token });
    expect(me.body.uid).toBe(Number(a.uid));
    const show = await weibo(t, 'GET', '/2/users/show.json', {
      access_token: a.token,
      screen_name: '平安江城',
    });
    expect(show.body.idstr).toBe(a.uid);
    expect(show.body.statuses_count).toBeGreaterThan(3);
  });
});
