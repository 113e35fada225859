import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTest, wechatAccount, wx, wxToken, type TestSandbox } from './helpers';

let t: TestSandbox;
let acc: Awaited<ReturnType<typeof wechatAccount>>;

beforeAll(async () => {
  t = await startTest();
  acc = await wechatAccount(t);
});
afterAll(() => t.close());

const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;
type Err = { errcode: number; errmsg: string };

async function getToken(query: string) {
  const res = await fetch(`${t.url}/cgi-bin/token?${query}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/cgi-bin/token', () => {
  it('issues {access_token, expires_in: 7200}; errors are HTTP 200 with errcode and a rid suffix', async () => {
    const ok = await getToken(`grant_type=client_credential&appid=${acc.appid}&secret=${acc.secret}`);
    expect(ok.status).toBe(200);
    expect(ok.body.expires_in).toBe(7200);
    expect(Object.keys(ok.body).sort()).toEqual(['access_token', 'expires_in']);
    const badSecret = await getToken(`grant_type=client_credential&appid=${acc.appid}&secret=wrong`);
    expect(badSecret.status).toBe(200);
    expect(badSecret.body.errcode).toBe(40125);
    expect(badSecret.body.errmsg).toMatch(/^invalid appsecret rid: /);
    expect(badSecret.body.errmsg).toMatch(RID);
    expect(
      (await getToken(`grant_type=client_credential&appid=wx0000000000000000&secret=x`)).body.errcode,
    ).toBe(40013);
    expect((await getToken(`grant_type=password&appid=${acc.appid}&secret=${acc.secret}`)).body.errcode).toBe(
      40002,
    );
    expect((await getToken(`grant_type=client_credential&secret=${acc.secret}`)).body.errcode).toBe(41002);
  });

  it('a new token leaves the previous one valid for the 5-minute grace period only', async () => {
    const first = await wxToken(t, acc.appid, acc.secret);
    const second = await wxToken(t, acc.appid, acc.secret);
    expect(second).not.toBe(first);
    expect(await wx(t, '/cgi-bin/draft/count', first)).toEqual({ total_count: 0 });
    await t.ctl('POST', '/clock', { advanceSeconds: 301 });
    const old = await wx<Err>(t, '/cgi-bin/draft/count', first);
    expect(old.errcode).toBe(40001);
    expect(old.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest rid: /);
    expect(await wx(t, '/cgi-bin/draft/count', second)).toEqual({ total_count: 0 });
  });

  it('tokens expire after expires_in (42001); a missing token is 41001', async () => {
    const token = await wxToken(t, acc.appid, acc.secret);
    await t.ctl('POST', '/clock', { advanceSeconds: 7201 });
    expect((await wx<Err>(t, '/cgi-bin/draft/count', token)).errcode).toBe(42001);
    const none = (await (await fetch(`${t.url}/cgi-bin/draft/count`)).json()) as Err;
    expect(none.errcode).toBe(41001);
  });

  it('the daily /token quota answers 45009', async () => {
    const small = await wechatAccount(t, { name: '配额测试', quotas: { tokenPerDay: 2 } });
    await wxToken(t, small.appid, small.secret);
    await wxToken(t, small.appid, small.secret);
    const r = await getToken(`grant_type=client_credential&appid=${small.appid}&secret=${small.secret}`);
    expect(r.body.errcode).toBe(45009);
  });
});

describe('/cgi-bin/stable_token', () => {
  const stable = async (body: unknown) => {
    const res = await fetch(`${t.url}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify(body) });
    return (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number };
  };

  it('returns the same token while valid, independent of /token; force_refresh revokes it', async () => {
    const a = await wechatAccount(t, { name: '稳定令牌' });
    const req = { grant_type: 'client_credential', appid: a.appid, secret: a.secret };
    const s1 = await stable(req);
    const s2 = await stable(req);
    expect(s2.access_token).toBe(s1.access_token);
    expect(s2.expires_in).toBeLessThanOrEqual(7200);
    // A /token call does not touch the stable token.
    await wxToken(t, a.appid, a.secret);
    await wxToken(t, a.appid, a.secret);
    await t.ctl('POST', '/clock', { advanceSeconds: 400 });
    expect(await wx(t, '/cgi-bin/draft/count', s1.access_token!)).toEqual({ total_count: 0 });
    const forced = await stable({ ...req, force_refresh: true });
    expect(forced.access_token).not.toBe(s1.access_token);
    expect((await wx<Err>(t, '/cgi-bin/draft/count', s1.access_token!)).errcode).toBe(40001);
    const tooSoon = await stable({ ...req, force_refresh: true });
    expect(tooSoon.errcode).toBe(45011);
  });

  it('renews in the last 5 minutes while the old token keeps working until it expires', async () => {
    const a = await wechatAccount(t, { name: '续期令牌' });
    const req = { grant_type: 'client_credential', appid: a.appid, secret: a.secret };
    const s1 = await stable(req);
    await t.ctl('POST', '/clock', { advanceSeconds: 7200 - 200 });
    const s2 = await stable(req);
    expect(s2.access_token).not.toBe(s1.access_token);
    expect(s2.expires_in).toBe(7200);
    expect(await wx(t, '/cgi-bin/draft/count', s1.access_token!)).toEqual({ total_count: 0 });
    expect((await stable({ ...req, secret: 'bad' })).errcode).toBe(40125);
    const notJson = (await (
      await fetch(`${t.url}/cgi-bin/stable_token`, { method: 'POST', body: '{oops' })
    ).json()) as Err;
    expect(notJson.errcode).toBe(47001);
  });
});
