import {
  type Account,
  type AuditEntry,
  type Department,
  type Page,
  type PortalColumn,
} from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountEntity, PublicationEntity } from '../../src/database/entities';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';
import { onboard } from '../support/users';

const DAY = 24 * 3600 * 1000;
const APP_SECRET = 'weibo-app-secret-0001';
const APP_KEY = '3120004455';
const PORTAL_KEY = 'portal-api-key-7777';
const TOKEN = '2.00ManualTokenValue';

describe.each(testEngines())('accounts on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let eastAdmin: ApiClient;
  let eastEditor: ApiClient;
  let westEditor: ApiClient;
  let east: Department;
  let west: Department;
  let eastWeibo: Account;
  let westPortal: Account;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin');
    const root = admin.session!.user.departmentId;
    east = (await admin.post<Department>('/api/departments', { name: '东城分局', parentId: root })).body;
    west = (await admin.post<Department>('/api/departments', { name: '西城分局', parentId: root })).body;
    const user = (username: string, role: string, d: Department) => ({
      username,
      displayName: username,
      departmentId: d.id,
      roles: [{ role, departmentId: d.id }],
    });
    eastAdmin = (await onboard(t, admin, user('east_admin', 'admin', east))).client;
    eastEditor = (await onboard(t, admin, user('east_editor', 'editor', east))).client;
    westEditor = (await onboard(t, admin, user('west_editor', 'editor', west))).client;
  });
  afterAll(() => t?.close());

  it('creates an account whose secrets are flags in every answer', async () => {
    const res = await eastAdmin.post<Account>('/api/accounts', {
      departmentId: east.id,
      channel: 'weibo',
      name: '平安东城',
      baseUrl: 'https://api.weibo.com',
      settings: { uid: '2629046977' },
      secrets: { appKey: APP_KEY, appSecret: APP_SECRET },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    eastWeibo = res.body;
    expect(eastWeibo).toMatchObject({
      departmentName: '东城分局',
      channel: 'weibo',
      settings: { uid: '2629046977' },
      secretsSet: { appKey: true, appSecret: true },
      accessTokenSet: false,
      credentialStatus: 'missing',
      stale: false,
      lastPublishedAt: null,
    });
    expect(JSON.stringify(res.body)).not.toContain(APP_SECRET);

    const portal = await admin.post<Account>('/api/accounts', {
      departmentId: west.id,
      channel: 'portal',
      name: '西城分局网站',
      baseUrl: 'https://xc.example.gov.cn',
      settings: { siteId: 'xc' },
      secrets: { apiKey: PORTAL_KEY },
    });
    expect(portal.status).toBe(201);
    westPortal = portal.body;
    expect(westPortal.credentialStatus).toBe('valid');
  });

  it('checks settings and secrets against the channel, in Chinese', async () => {
    const wrong = await admin.post<{ code: string; message: string; issues: { path: string }[] }>(
      '/api/accounts',
      {
        departmentId: east.id,
        channel: 'wechat',
        name: '东城微信',
        baseUrl: 'https://api.weixin.qq.com',
        settings: {},
        secrets: { apiKey: 'x' },
      },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('VALIDATION_FAILED');
    expect(wrong.body.issues.map((i) => i.path)).toEqual(['settings.appid', 'secrets.apiKey']);
    expect(wrong.body.message).toMatch(/该渠道没有这项凭据/);
    const duplicate = await admin.post('/api/accounts', {
      departmentId: east.id,
      channel: 'weibo',
      name: '平安东城',
      baseUrl: 'https://api.weibo.com',
    });
    expect(duplicate.status).toBe(409);
  });

  it('stores credentials encrypted, never as plaintext', async () => {
    const set = await eastAdmin.post<Account>(`/api/accounts/${eastWeibo.id}/credentials`, {
      accessToken: TOKEN,
      tokenExpiresAt: new Date(Date.now() + 3 * DAY).toISOString(),
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ accessTokenSet: true, credentialStatus: 'expiring' });
    const [row] = await t.ds.query<Array<{ secrets: string; access_token: string }>>(
      'SELECT secrets, access_token FROM accounts WHERE id = ?',
      [eastWeibo.id],
    );
    for (const plain of [APP_SECRET, APP_KEY, TOKEN]) {
      expect(row!.secrets).not.toContain(plain);
      expect(row!.access_token).not.toContain(plain);
    }
    expect(row!.secrets).toMatch(/^v1:/);
    const later = await eastAdmin.post<Account>(`/api/accounts/${eastWeibo.id}/credentials`, {
      tokenExpiresAt: new Date(Date.now() + 60 * DAY).toISOString(),
    });
    expect(later.body.credentialStatus).toBe('valid');
    // A secret replaced alone keeps the others.
    const one = await eastAdmin.post<Account>(`/api/accounts/${eastWeibo.id}/credentials`, {
      secrets: { appSecret: 'weibo-app-secret-0002' },
    });
    expect(one.body.secretsSet).toEqual({ appKey: true, appSecret: true });
    const portalToken = await admin.post(`/api/accounts/${westPortal.id}/credentials`, { accessToken: 'x' });
    expect(portalToken.status).toBe(400);
  });

  it('shows each 分局 only its own accounts and refuses a foreign id', async () => {
    const mine = await eastEditor.get<Account[]>('/api/accounts');
    expect(mine.status).toBe(200);
    expect(mine.body.map((a) => a.name)).toEqual(['平安东城']);
    const theirs = await westEditor.get<Account[]>('/api/accounts');
    expect(theirs.body.map((a) => a.name)).toEqual(['西城分局网站']);
    expect((await eastEditor.get(`/api/accounts/${westPortal.id}`)).status).toBe(403);
    expect((await eastEditor.get(`/api/accounts?department=${west.id}`)).status).toBe(403);
    expect((await eastEditor.get(`/api/accounts/${westPortal.id}/columns`)).status).toBe(403);
    expect((await eastAdmin.patch(`/api/accounts/${westPortal.id}`, { name: '越权' })).status).toBe(403);
    expect((await eastAdmin.get('/api/accounts/999999')).status).toBe(404);
    const all = await admin.get<Account[]>('/api/accounts');
    expect(all.body.map((a) => a.name)).toEqual(['平安东城', '西城分局网站']);
  });

  it('lets only admins change accounts', async () => {
    expect(
      (
        await eastEditor.post('/api/accounts', {
          departmentId: east.id,
          channel: 'feed',
          name: '订阅',
          baseUrl: 'https://rsshub.app',
          settings: { url: 'https://rsshub.app/weibo/user/1' },
        })
      ).status,
    ).toBe(403);
    expect((await eastEditor.patch(`/api/accounts/${eastWeibo.id}`, { disabled: true })).status).toBe(403);
    expect((await eastEditor.post(`/api/accounts/${eastWeibo.id}/test`)).status).toBe(403);
    expect(
      (await eastEditor.post(`/api/accounts/${eastWeibo.id}/credentials`, { clear: ['appKey'] })).status,
    ).toBe(403);
  });

  it('updates, disables and enables an account', async () => {
    const renamed = await eastAdmin.patch<Account>(`/api/accounts/${eastWeibo.id}`, {
      name: '平安东城发布',
      settings: { uid: '2629046978' },
    });
    expect(renamed.body).toMatchObject({ name: '平安东城发布', settings: { uid: '2629046978' } });
    const badSettings = await eastAdmin.patch(`/api/accounts/${eastWeibo.id}`, { settings: { appid: 'x' } });
    expect(badSettings.status).toBe(400);
    expect(
      (await eastAdmin.patch<Account>(`/api/accounts/${eastWeibo.id}`, { disabled: true })).body.disabled,
    ).toBe(true);
    expect(
      (await eastAdmin.patch<Account>(`/api/accounts/${eastWeibo.id}`, { disabled: false })).body.disabled,
    ).toBe(false);
  });

  it('flags an account with no publication for 14 days (超期未更新)', async () => {
    const publications = t.ds.getRepository(PublicationEntity);
    const publish = (daysAgo: number, status: 'published' | 'failed', externalId: string) =>
      publications.insert({
        accountId: westPortal.id,
        externalId,
        kind: 'original',
        title: '警情通报',
        text: '正文',
        status,
        source: 'imported',
        publishedAt: new Date(Date.now() - daysAgo * DAY),
      });
    await publish(15, 'published', 'a-15');
    await publish(1, 'failed', 'a-1');
    const stale = (await admin.get<Account>(`/api/accounts/${westPortal.id}`)).body;
    expect(stale).toMatchObject({ daysSinceLastPublication: 15, stale: true });
    await publish(13, 'published', 'a-13');
    const fresh = (await admin.get<Account>(`/api/accounts/${westPortal.id}`)).body;
    expect(fresh).toMatchObject({ daysSinceLastPublication: 13, stale: false });
    // Never published: counted from the day the account was added.
    await t.ds
      .getRepository(AccountEntity)
      .update(eastWeibo.id, { createdAt: new Date(Date.now() - 20 * DAY) });
    const quiet = (await admin.get<Account>(`/api/accounts/${eastWeibo.id}`)).body;
    expect(quiet).toMatchObject({ lastPublishedAt: null, daysSinceLastPublication: null, stale: true });
  });

  it('lists only the 采集异常 accounts when asked (health=failing), as the dashboard does', async () => {
    const accounts = t.ds.getRepository(AccountEntity);
    const create = async (departmentId: number, channel: string, name: string, extra: object) => {
      const res = await admin.post<Account>('/api/accounts', { departmentId, channel, name, ...extra });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const portal = (name: string, siteId: string) =>
      create(west.id, 'portal', name, {
        baseUrl: `https://${siteId}.example.gov.cn`,
        settings: { siteId },
        secrets: { apiKey: PORTAL_KEY },
      });
    const failedCollection = await portal('西城交警网站', 'xcjj');
    const retired = await portal('西城旧网站', 'xcold');
    const expired = await create(west.id, 'weibo', '西城发布', {
      baseUrl: 'https://api.weibo.com',
      settings: { uid: '2629046978' },
      secrets: { appKey: APP_KEY, appSecret: APP_SECRET },
    });
    expect(
      (
        await admin.post<Account>(`/api/accounts/${expired.id}/credentials`, {
          accessToken: TOKEN,
          tokenExpiresAt: new Date(Date.now() + 3 * DAY).toISOString(),
        })
      ).status,
    ).toBe(200);
    await accounts.update(failedCollection.id, { lastError: '门户接口返回 500', lastErrorAt: new Date() });
    await accounts.update(retired.id, {
      lastError: '门户接口返回 404',
      lastErrorAt: new Date(),
      disabled: true,
    });
    await accounts.update(expired.id, { tokenExpiresAt: new Date(Date.now() - DAY) });
    await accounts.update(eastWeibo.id, { authFailedAt: new Date() });

    const failing = await admin.get<Account[]>('/api/accounts?health=failing');
    expect(failing.status).toBe(200);
    // The platform refused 东城's Weibo, 西城发布's token ran out, 西城交警网站's collection failed; 西城旧网站
    // failed too but is disabled, and 西城分局网站 is fine.
    const ids = (list: readonly Account[]) => list.map((a) => a.id).sort((a, b) => a - b);
    expect(ids(failing.body)).toEqual(ids([eastWeibo, expired, failedCollection]));
    expect(ids((await admin.get<Account[]>('/api/accounts')).body)).toEqual(
      expect.arrayContaining([retired.id, westPortal.id]),
    );
    // A 分局 sees its own only.
    expect(ids((await eastEditor.get<Account[]>('/api/accounts?health=failing')).body)).toEqual([
      eastWeibo.id,
    ]);
    expect((await admin.get('/api/accounts?health=broken')).status).toBe(400);
  });

  it('manages the columns of a portal account and their quotas', async () => {
    const base = `/api/accounts/${westPortal.id}/columns`;
    const daily = await admin.post<PortalColumn>(base, {
      code: 'jwdt',
      name: '警务动态',
      quota: { period: 'day', min: 7, max: 7 },
    });
    expect(daily.status).toBe(201);
    await admin.post(base, { code: 'tzgg', name: '通知公告', quota: { period: 'month', min: 1, max: null } });
    expect((await admin.post(base, { code: 'jwdt', name: '重复' })).status).toBe(409);
    const inverted = await admin.post(base, {
      code: 'x',
      name: 'x',
      quota: { period: 'month', min: 3, max: 2 },
    });
    expect(inverted.status).toBe(400);
    const changed = await admin.patch<PortalColumn>(`${base}/${daily.body.id}`, {
      quota: { period: 'month', min: 2, max: 3 },
    });
    expect(changed.body.quota).toEqual({ period: 'month', min: 2, max: 3 });
    const list = await westEditor.get<PortalColumn[]>(base);
    expect(list.body.map((c) => c.code)).toEqual(['jwdt', 'tzgg']);
    expect((await westEditor.post(base, { code: 'zz', name: '越权' })).status).toBe(403);
    expect(
      (await admin.patch<PortalColumn>(`${base}/${daily.body.id}`, { disabled: true })).body.disabled,
    ).toBe(true);
    expect((await admin.get<Account>(`/api/accounts/${westPortal.id}`)).body.columnCount).toBe(1);
    expect((await admin.post(`/api/accounts/${eastWeibo.id}/columns`, { code: 'a', name: 'a' })).status).toBe(
      409,
    );
  });

  it('audits every change without a single secret', async () => {
    const { client: auditor } = await onboard(t, admin, {
      username: 'sec_auditor',
      displayName: '审计员',
      departmentId: admin.session!.user.departmentId,
      roles: [{ role: 'auditor', departmentId: admin.session!.user.departmentId }],
    });
    expect((await auditor.get('/api/accounts')).status).toBe(403);
    const log = await auditor.get<Page<AuditEntry>>('/api/audit?pageSize=200');
    const actions = new Set(log.body.items.map((e) => e.action));
    for (const a of [
      'account.create',
      'account.update',
      'account.disable',
      'account.enable',
      'account.credentials_set',
      'column.create',
      'column.update',
      'column.disable',
      'access.denied',
    ])
      expect(actions, a).toContain(a);
    const text = JSON.stringify(log.body.items);
    for (const secret of [APP_SECRET, APP_KEY, PORTAL_KEY, TOKEN, 'weibo-app-secret-0002'])
      expect(text).not.toContain(secret);
    expect(text).toContain('设置 appSecret');
  });
});
