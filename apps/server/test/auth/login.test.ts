import { type AuditEntry, type Page, type Session } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/engines';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

describe.each(testEngines())('login, lockout and sessions on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t?.close());

  it('logs the bootstrap admin in with a cookie session and a CSRF token', async () => {
    const c = t.client();
    const res = await c.login('admin', ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('admin');
    expect(res.body.roles.map((r) => r.role)).toEqual(['admin']);
    expect(res.body.mustChangePassword).toBe(false);
    expect(res.body.csrfToken.length).toBeGreaterThan(20);
    expect(res.headers.get('set-cookie')).toMatch(/sunlight_session=.+HttpOnly/i);
    const me = await c.get<Session>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.departmentName).toBe('本单位');
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await t.client().login('admin', 'Wrong-Pass-2026');
    const unknown = await t.client().login('nobody', 'Wrong-Pass-2026');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('locks a username for 15 minutes after 5 failures, even against the right password', async () => {
    const admin = await t.as('admin');
    await admin.post('/api/users', {
      username: 'lockme',
      displayName: '锁定测试',
      departmentId: admin.session!.user.departmentId,
      roles: [],
      temporaryPassword: 'Lock-Me-Pass-1',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.client().login('lockme', 'Bad-Password-1')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await t.client().login('lockme', 'Lock-Me-Pass-1');
    expect(right.status).toBe(423);
    expect(right.body).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((right.body as unknown as { message: string }).message).toMatch(/15 分钟/);
    t.clock.advance(15 * 60 * 1000 + 1000);
    expect((await t.client().login('lockme', 'Lock-Me-Pass-1')).status).toBe(200);
  });

  it('records logins, failures and lockouts in the audit log', async () => {
    const auditor = t.client();
    const admin = await t.as('admin');
    const created = await admin.post<{ temporaryPassword: string }>('/api/users', {
      username: 'auditor1',
      displayName: '审计',
      departmentId: admin.session!.user.departmentId,
      roles: [{ role: 'auditor', departmentId: admin.session!.user.departmentId }],
    });
    expect(created.status).toBe(201);
    await auditor.login('auditor1', created.body.temporaryPassword);
    await auditor.post('/api/auth/password', {
      currentPassword: created.body.temporaryPassword,
      newPassword: 'Auditor-Pass-2026',
    });
    const page = await auditor.get<Page<AuditEntry>>('/api/audit?username=lockme&pageSize=50');
    expect(page.status).toBe(200);
    const actions = page.body.items.map((e) => `${e.action}:${e.result}`);
    expect(actions).toContain('auth.locked:denied');
    expect(actions.filter((a) => a === 'auth.login_failed:failed')).toHaveLength(5);
    expect(actions).toContain('auth.login:success');
    expect(page.body.items.every((e) => e.ip !== null)).toBe(true);
  });

  it('ends a session after 30 idle minutes but keeps an active one alive', async () => {
    const c = await t.as('admin');
    t.clock.advance(29 * 60 * 1000);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(29 * 60 * 1000);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(31 * 60 * 1000);
    const res = await c.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'SESSION_EXPIRED', message: '会话已过期，请重新登录' });
  });

  it('ends every session 12 hours after login however active it is', async () => {
    const c = await t.as('admin');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60 * 1000);
      if ((await c.get('/api/auth/me')).status !== 200) break;
    }
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('revokes the session on logout', async () => {
    const c = await t.as('admin');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a change without the CSRF token', async () => {
    const c = await t.as('admin');
    const res = await c
      .withoutCsrf()
      .post('/api/departments', { name: '伪造', parentId: c.session!.user.departmentId });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'CSRF_INVALID' });
  });
});
