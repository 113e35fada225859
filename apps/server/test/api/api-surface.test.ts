import { type Health, type Session } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';

describe.each(testEngines())('API surface on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t?.close());

  it('reports health without a session', async () => {
    const res = await t.client().get<Health>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.db).toBe('up');
    // This test app runs the api role only: no worker has reported, and health says so.
    expect(res.body.workers.alive).toBe(0);
    expect(res.body.status).toBe('degraded');
  });

  it('publishes the OpenAPI document with the stable paths', async () => {
    const doc = await t.client().get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(doc.status).toBe(200);
    for (const p of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/users',
      '/api/departments',
      '/api/audit',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(p);
    }
    const ui = await t.client().get<string>('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('rejects unknown fields with a Chinese and an English message', async () => {
    const res = await t
      .client()
      .post('/api/auth/login', { username: 'admin', password: 'x', remember: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const body = res.body as { message: string; messageEn: string };
    expect(body.message).toMatch(/提交的内容有误/);
    expect(body.message).toMatch(/remember/);
    expect(body.messageEn).toMatch(/Unrecognized key/);
  });

  it('answers malformed JSON, bad ids and unknown routes with 4xx JSON, never a 500', async () => {
    const c = await t.as('admin');
    const malformed = await c.request('POST', '/api/departments', undefined, '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'BAD_REQUEST' });
    const badId = await c.patch('/api/departments/abc', { name: 'x' });
    expect(badId.status).toBe(400);
    const missing = await c.patch('/api/departments/999999', { name: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    const route = await c.get('/api/no-such-thing');
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ code: 'NOT_FOUND', message: '请求的地址不存在' });
    const huge = await c.request(
      'POST',
      '/api/departments',
      undefined,
      JSON.stringify({ name: 'x'.repeat(1_100_000), parentId: 1 }),
    );
    expect(huge.status).toBe(413);
    const wrongType = await c.post('/api/departments', { name: 42, parentId: '1' });
    expect(wrongType.status).toBe(400);
  });

  it('serves the SPA for its own routes but never for unknown API paths', async () => {
    const page = await t.client().get<string>('/calendar/2026-11');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/阳光政务新媒体运营台/);
    const api = await t.client().get('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends security headers and hides the framework', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Offices reach the server over plain HTTP on their LAN: browsers must not be told to upgrade.
    expect(res.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/);
  });

  it('rate-limits login attempts per client', async () => {
    const limited = await startTestApp(engine, { SUNLIGHT_RATE_LIMIT_LOGIN: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await limited.client().login(`user${i}`, 'Whatever-123')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const health = await limited.client().get('/api/health');
      expect(health.status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('seeds the demo organisation and labels the session as demo data', async () => {
    const demo = await startTestApp(engine, { SUNLIGHT_DEMO: '1' });
    try {
      const leader = await demo.as('demo_leader');
      const session: Session = leader.session!;
      expect(session.demo).toBe(true);
      expect(session.mustChangePassword).toBe(false);
      expect(session.roles).toEqual([
        { role: 'leader', departmentId: session.user.departmentId, departmentName: '示范市公安局' },
      ]);
      const depts = await leader.get<Array<{ name: string }>>('/api/departments');
      expect(depts.body.map((d) => d.name)).toEqual([
        '示范市公安局',
        '宣传处',
        '东城分局',
        '西城分局',
        '南湖分局',
      ]);
      const east = await demo.as('demo_editor_dongcheng');
      expect(east.session!.roles[0]!.departmentName).toBe('东城分局');
      for (const u of [
        'demo_editor',
        'demo_reviewer',
        'demo_approver',
        'demo_reporter',
        'demo_admin',
        'demo_auditor',
      ]) {
        expect((await demo.client().login(u, 'Demo-Pass-2026')).status, u).toBe(200);
      }
      expect((await t.as('admin')).session!.demo).toBe(false);
    } finally {
      await demo.close();
    }
  });
});
