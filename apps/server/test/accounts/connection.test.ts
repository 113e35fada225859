import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Account, type ConnectionTestResult, type OAuthAuthorizeResponse } from '@sunlight/contracts';
import { type Sandbox, startSandbox } from '@sunlight/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';

interface SandboxWechat {
  credentials: { appid: string; secret: string };
}
interface SandboxPortal {
  baseUrl: string;
  credentials: { siteId: string; apiKey: string };
}
interface SandboxWeibo {
  credentials: { uid: string; appKey: string; appSecret: string; accessToken: string; expiresAt: string };
}

/** An account on the sandbox, made through its control API as a test of the real platform would. */
async function sandboxAccount<T>(sb: Sandbox, body: object): Promise<T> {
  const res = await fetch(`${sb.url}/__control/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as T;
}

describe.each(testEngines())('account connection on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let sb: Sandbox;
  let sandboxDir: string;
  let weibo: SandboxWeibo;
  let account: Account;

  beforeAll(async () => {
    sandboxDir = mkdtempSync(join(tmpdir(), 'sunlight-sandbox-'));
    sb = await startSandbox({ dataDir: sandboxDir, seed: 'accounts-test' });
    t = await startTestApp(engine);
    admin = await t.as('admin');
    weibo = await sandboxAccount<SandboxWeibo>(sb, {
      platform: 'weibo',
      name: '平安示范',
      tokenTtlSeconds: 30 * 86400,
    });
    const created = await admin.post<Account>('/api/accounts', {
      departmentId: admin.session!.user.departmentId,
      channel: 'weibo',
      name: '平安示范',
      baseUrl: sb.url,
      secrets: { appKey: weibo.credentials.appKey, appSecret: weibo.credentials.appSecret },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    account = created.body;
  });
  afterAll(async () => {
    await t?.close();
    await sb?.close();
    rmSync(sandboxDir, { recursive: true, force: true });
  });

  it('says which credentials are missing before calling the platform', async () => {
    const res = await admin.post<ConnectionTestResult>(`/api/accounts/${account.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, message: '请先设置凭据：访问令牌' });
  });

  it('connects with a valid token and names the account the platform answered for', async () => {
    await admin.post(`/api/accounts/${account.id}/credentials`, {
      accessToken: weibo.credentials.accessToken,
      tokenExpiresAt: weibo.credentials.expiresAt,
    });
    const res = await admin.post<ConnectionTestResult>(`/api/accounts/${account.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, displayName: '平安示范', channelCode: null });
    expect(res.body.message).toMatch(/连接成功/);
  });

  it('shows the channel’s own error text when the platform refuses the token', async () => {
    const wrong = '2.00NotARealTokenAtAll';
    await admin.post(`/api/accounts/${account.id}/credentials`, { accessToken: wrong });
    const res = await admin.post<ConnectionTestResult>(`/api/accounts/${account.id}/test`);
    expect(res.body).toMatchObject({ ok: false, channelCode: '21332' });
    expect(res.body.channelMessage).toMatch(/invalid_access_token/);
    expect(res.body.message).toMatch(/凭据/);
    expect(JSON.stringify(res.body)).not.toContain(wrong);
    const after = await admin.get<Account>(`/api/accounts/${account.id}`);
    expect(after.body.credentialStatus).toBe('invalid');
  });

  it('authorises through Weibo OAuth and stores the granted token', async () => {
    const redirectUri = 'http://127.0.0.1:9/channels';
    const start = await admin.get<OAuthAuthorizeResponse>(
      `/api/accounts/${account.id}/oauth/authorize-url?redirectUri=${encodeURIComponent(redirectUri)}`,
    );
    expect(start.status).toBe(200);
    expect(start.body.url.startsWith(`${sb.url}/oauth2/authorize?`)).toBe(true);
    expect(start.body.url).not.toContain(weibo.credentials.appSecret);
    // The sandbox approves at once and sends the browser back with the code.
    const approval = await fetch(start.body.url, { redirect: 'manual' });
    const back = new URL(approval.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe(start.body.state);
    const code = back.searchParams.get('code')!;

    const forged = await admin.post(`/api/accounts/${account.id}/oauth/code`, {
      code,
      state: start.body.state.replace(/\.[^.]+$/, '.forged'),
      redirectUri,
    });
    expect(forged.status).toBe(400);

    const done = await admin.post<Account>(`/api/accounts/${account.id}/oauth/code`, {
      code,
      state: start.body.state,
      redirectUri,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      accessTokenSet: true,
      credentialStatus: 'valid',
      settings: { uid: weibo.credentials.uid },
    });
    const test = await admin.post<ConnectionTestResult>(`/api/accounts/${account.id}/test`);
    expect(test.body.ok).toBe(true);
  });

  it('explains a code the platform refuses', async () => {
    const redirectUri = 'http://127.0.0.1:9/channels';
    const start = await admin.get<OAuthAuthorizeResponse>(
      `/api/accounts/${account.id}/oauth/authorize-url?redirectUri=${encodeURIComponent(redirectUri)}`,
    );
    const res = await admin.post<{ message: string }>(`/api/accounts/${account.id}/oauth/code`, {
      code: 'not-a-code',
      state: start.body.state,
      redirectUri,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/微博授权失败/);
  });

  it('tests WeChat, portal and feed accounts against the platform, with its own error text', async () => {
    const wechat = await sandboxAccount<SandboxWechat>(sb, { platform: 'wechat', name: '示范公安微信' });
    const portal = await sandboxAccount<SandboxPortal>(sb, {
      platform: 'portal',
      name: '示范公安网站',
      columns: [{ code: 'jwdt', name: '警务动态' }],
    });
    const cases = [
      {
        body: {
          channel: 'wechat',
          name: '示范公安微信',
          baseUrl: sb.url,
          settings: { appid: wechat.credentials.appid },
          secrets: { secret: wechat.credentials.secret },
        },
        wrong: { secret: 'not-the-secret-0000' },
        code: '40125',
      },
      {
        body: {
          channel: 'portal',
          name: '示范公安网站',
          baseUrl: portal.baseUrl,
          settings: { siteId: portal.credentials.siteId },
          secrets: { apiKey: portal.credentials.apiKey },
        },
        wrong: { apiKey: 'not-the-key-0000' },
        code: '40100',
      },
    ];
    for (const c of cases) {
      const created = await admin.post<Account>('/api/accounts', {
        departmentId: admin.session!.user.departmentId,
        ...c.body,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const ok = await admin.post<ConnectionTestResult>(`/api/accounts/${created.body.id}/test`);
      expect(ok.body, c.body.channel).toMatchObject({ ok: true });
      await admin.post(`/api/accounts/${created.body.id}/credentials`, { secrets: c.wrong });
      const refused = await admin.post<ConnectionTestResult>(`/api/accounts/${created.body.id}/test`);
      expect(refused.body, c.body.channel).toMatchObject({ ok: false, channelCode: c.code });
      expect(refused.body.channelMessage).toBeTruthy();
      expect(JSON.stringify(refused.body)).not.toContain(Object.values(c.wrong)[0]);
    }

    const feed = await admin.post<Account>('/api/accounts', {
      departmentId: admin.session!.user.departmentId,
      channel: 'feed',
      name: '平安示范订阅',
      baseUrl: `${sb.url}/rsshub/weibo/user/${weibo.credentials.uid}`,
    });
    expect(feed.body.credentialStatus).toBe('not_required');
    const read = await admin.post<ConnectionTestResult>(`/api/accounts/${feed.body.id}/test`);
    expect(read.body).toMatchObject({ ok: true, displayName: '平安示范的微博' });
  });
});
