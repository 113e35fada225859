import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { share, startTest, weibo, weiboAccount, type TestSandbox } from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTest();
});
afterAll(() => t.close());

describe('Weibo tokens', () => {
  it('a missing token is 10006, an unknown one 21332 (HTTP 403)', async () => {
    const none = await weibo(t, 'GET', '/2/statuses/user_timeline.json', {});
    expect(none.body.error_code).toBe(10006);
    const bad = await weibo(t, 'GET', '/2/statuses/user_timeline.json', { access_token: '2.00nope' });
    expect(bad.status).toBe(403);
    expect(bad.body).toMatchObject({ error_code: 21332, error: 'invalid_access_token' });
  });

  it('accepts the token in an "Authorization: OAuth2" header too', async () => {
    const a = await weiboAccount(t, { name: '头部令牌' });
    const res = await fetch(`${t.url}/2/account/get_uid.json`, {
      headers: { Authorization: `OAuth2 ${a.token}` },
    });
    expect(((await res.json()) as { uid: number }).uid).toBe(Number(a.uid));
  });

  it('a token expires after its lifetime (21327 expired_token), checked against the sandbox clock', async () => {
    const a = await weiboAccount(t, { name: '短期账号', token: { expiresIn: 600 } });
    expect((await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: a.token })).status).toBe(200);
    await t.ctl('POST', '/clock', { advanceSeconds: 601 });
    const r = await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: a.token });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ request: '/2/account/get_uid.json', error_code: 21327, error: 'expired_token' });
    const info = await weibo(t, 'POST', '/oauth2/get_token_info', { access_token: a.token });
    expect(info.body.error_code).toBe(21327);
    const fresh = await t.ctl<{ accessToken: string; expiresIn: number }>(
      'POST',
      `/accounts/${a.id}/tokens`,
      { expiresIn: 3600 },
    );
    expect(fresh.status).toBe(201);
    expect(fresh.body.expiresIn).toBe(3600);
    expect(
      (await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: fresh.body.accessToken })).status,
    ).toBe(200);
  });

  it('expire-tokens makes live tokens expire at once', async () => {
    const a = await weiboAccount(t, { name: '过期测试' });
    const r = await t.ctl<{ expired: number }>('POST', `/accounts/${a.id}/expire-tokens`);
    expect(r.body.expired).toBe(1);
    expect(
      (await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: a.token })).body.error_code,
    ).toBe(21327);
  });

  it('OAuth2: authorize → code → access_token → get_token_info; a used code is invalid_grant (21325)', async () => {
    const a = await t.ctl<{ credentials: { appKey: string; appSecret: string; uid: string } }>(
      'POST',
      '/accounts',
      {
        platform: 'weibo',
        name: '授权测试',
        appKey: '3000000001',
        appSecret: 'app-secret-1',
      },
    );
    const { appKey, appSecret, uid } = a.body.credentials;
    const redirect = 'http://127.0.0.1:9/callback';
    const auth = await fetch(
      `${t.url}/oauth2/authorize?client_id=${appKey}&redirect_uri=${encodeURIComponent(redirect)}&state=xyz`,
      { redirect: 'manual' },
    );
    expect(auth.status).toBe(302);
    const location = new URL(auth.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code')!;
    const form = {
      client_id: appKey,
      client_secret: appSecret,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirect,
    };
    const tok = await weibo(t, 'POST', '/oauth2/access_token', form);
    expect(tok.body).toMatchObject({ uid, expires_in: 7 * 86400, remind_in: String(7 * 86400) });
    const info = await weibo(t, 'POST', '/oauth2/get_token_info', {
      access_token: tok.body.access_token as string,
    });
    expect(info.body).toMatchObject({ uid: Number(uid), appkey: appKey });
    expect(info.body.expire_in).toBeGreaterThan(7 * 86400 - 5);
    const reused = await weibo(t, 'POST', '/oauth2/access_token', form);
    expect(reused.body).toMatchObject({ error: 'invalid_grant', error_code: 21325 });
    const wrongSecret = await weibo(t, 'POST', '/oauth2/access_token', { ...form, client_secret: 'nope' });
    expect(wrongSecret.body.error_code).toBe(21325);
    const revoke = await weibo(t, 'POST', '/oauth2/revokeoauth2', {
      access_token: tok.body.access_token as string,
    });
    expect(revoke.body).toEqual({ result: 'true' });
    expect(
      (await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: tok.body.access_token as string }))
        .body.error_code,
    ).toBe(21316);
  });
});

describe('Weibo rate limits', () => {
  it('the hourly call limit answers 10023 with HTTP 403 and resets on the hour', async () => {
    const a = await weiboAccount(t, { name: '限频账号', limits: { callsPerHour: 3 } });
    for (let i = 0; i < 3; i++)
      expect((await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: a.token })).status).toBe(200);
    const limited = await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: a.token });
    expect(limited.status).toBe(403);
    expect(limited.body).toMatchObject({ error_code: 10023, error: 'User requests out of rate limit!' });
    const status = await weibo(t, 'GET', '/2/account/rate_limit_status.json', { access_token: a.token });
    expect(status.body.remaining_user_hits).toBe(0);
    const reset = status.body.reset_time_in_seconds as number;
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(3600);
    expect(status.body.reset_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:00:00$/);
    await t.ctl('POST', '/clock', { advanceSeconds: reset + 1 });
    expect((await weibo(t, 'GET', '/2/account/get_uid.json', { access_token: a.token })).status).toBe(200);
  });

  it('the hourly posting limit answers 20016', async () => {
    const a = await weiboAccount(t, { name: '发帖限频', limits: { postsPerHour: 2 } });
    expect((await share(t, a, '一 http://localhost/1')).status).toBe(200);
    expect((await share(t, a, '二 http://localhost/2')).status).toBe(200);
    const third = await share(t, a, '三 http://localhost/3');
    expect(third.status).toBe(403);
    expect(third.body).toMatchObject({ error_code: 20016 });
    const st = await weibo(t, 'GET', '/2/account/rate_limit_status.json', { access_token: a.token });
    expect((st.body.api_rate_limits as { api: string; remaining_hits: number }[])[0]).toMatchObject({
      api: 'statuses/share',
      remaining_hits: 0,
    });
  });

  it('the comment limit answers 10024 naming the API', async () => {
    const a = await weiboAccount(t, { name: '评论限频', limits: { commentsPerHour: 1 } });
    const id = (await share(t, a, '评论 http://localhost/c')).body.idstr as string;
    expect(
      (
        await weibo(t, 'POST', '/2/comments/create.json', {
          access_token: a.token,
          id,
          comment: '一',
          rip: '1.1.1.1',
        })
      ).status,
    ).toBe(200);
    const r = await weibo(t, 'POST', '/2/comments/create.json', {
      access_token: a.token,
      id,
      comment: '二',
      rip: '1.1.1.1',
    });
    expect(r.body).toMatchObject({
      error_code: 10024,
      error: 'User requests for (/comments/create) out of rate limit!',
    });
  });
});
