import {
  type CreateUserResponse,
  type Department,
  type Page,
  type Session,
  type User,
} from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';
import { onboard } from '../support/users';

describe.each(testEngines())('departments, users and scope on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let root: number;
  let east: Department;
  let west: Department;
  let eastTeam: Department;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.as('admin');
    root = admin.session!.user.departmentId;
    east = (await admin.post<Department>('/api/departments', { name: '东城分局', parentId: root })).body;
    west = (await admin.post<Department>('/api/departments', { name: '西城分局', parentId: root })).body;
    eastTeam = (await admin.post<Department>('/api/departments', { name: '东城治安大队', parentId: east.id }))
      .body;
  });
  afterAll(() => t?.close());

  it('builds the tree with depth and parent', async () => {
    const list = await admin.get<Department[]>('/api/departments');
    expect(list.body.map((d) => [d.name, d.depth])).toEqual([
      ['本单位', 0],
      ['东城分局', 1],
      ['东城治安大队', 2],
      ['西城分局', 1],
    ]);
    expect(eastTeam.parentId).toBe(east.id);
  });

  it('forces a temporary password to be changed before anything else', async () => {
    const created = await admin.post<CreateUserResponse>('/api/users', {
      username: 'newbie',
      displayName: '新人',
      departmentId: east.id,
      roles: [{ role: 'editor', departmentId: east.id }],
    });
    const c = t.client();
    await c.login('newbie', created.body.temporaryPassword);
    const blocked = await c.get('/api/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const weak = await c.post('/api/auth/password', {
      currentPassword: created.body.temporaryPassword,
      newPassword: 'newbie12345',
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'PASSWORD_POLICY' });
    const ok = await c.post<Session>('/api/auth/password', {
      currentPassword: created.body.temporaryPassword,
      newPassword: 'Strong-Pass-2026',
    });
    expect(ok.body.mustChangePassword).toBe(false);
    expect((await c.get('/api/users')).status).toBe(200);
  });

  it('shows an editor only the users of their own subtree, and refuses another department', async () => {
    await onboard(t, admin, {
      username: 'west_editor',
      displayName: '西城信息员',
      departmentId: west.id,
      roles: [{ role: 'editor', departmentId: west.id }],
    });
    const { client: editor } = await onboard(t, admin, {
      username: 'east_editor',
      displayName: '东城信息员',
      departmentId: east.id,
      roles: [{ role: 'editor', departmentId: east.id }],
    });
    const mine = await editor.get<Page<User>>('/api/users?pageSize=100');
    expect(mine.status).toBe(200);
    const names = mine.body.items.map((u) => u.username);
    expect(names).toContain('east_editor');
    expect(names).not.toContain('west_editor');
    expect(names).not.toContain('admin');
    expect(mine.body.items.every((u) => [east.id, eastTeam.id].includes(u.departmentId))).toBe(true);
    const other = await editor.get(`/api/users?department=${west.id}`);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'FORBIDDEN' });
    const depts = await editor.get<Department[]>('/api/departments');
    expect(depts.body.map((d) => d.name)).toEqual(['东城分局', '东城治安大队']);
  });

  it('lets only admins change users and departments', async () => {
    const editor = await t.as('east_editor', 'Fresh-Pass-2026');
    expect(
      (
        await editor.post('/api/users', {
          username: 'sneaky',
          displayName: 'x',
          departmentId: east.id,
          roles: [],
        })
      ).status,
    ).toBe(403);
    expect((await editor.post('/api/departments', { name: '私设部门', parentId: east.id })).status).toBe(403);
  });

  it('keeps a subtree admin inside their subtree', async () => {
    const { client: eastAdmin } = await onboard(t, admin, {
      username: 'east_admin',
      displayName: '东城管理员',
      departmentId: east.id,
      roles: [{ role: 'admin', departmentId: east.id }],
    });
    expect(
      (await eastAdmin.post('/api/departments', { name: '东城交警中队', parentId: east.id })).status,
    ).toBe(201);
    expect((await eastAdmin.post('/api/departments', { name: '越权部门', parentId: west.id })).status).toBe(
      404,
    );
    const grantOutside = await eastAdmin.post('/api/users', {
      username: 'x_user',
      displayName: 'x',
      departmentId: east.id,
      roles: [{ role: 'leader', departmentId: root }],
    });
    expect(grantOutside.status).toBe(403);
  });

  it('never lets one account hold 系统管理员 and 安全审计员', async () => {
    const res = await admin.post('/api/users', {
      username: 'both',
      displayName: '双角色',
      departmentId: root,
      roles: [
        { role: 'admin', departmentId: root },
        { role: 'auditor', departmentId: east.id },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ROLE_CONFLICT' });
    const list = await admin.get<Page<User>>('/api/users?q=west_editor');
    const id = list.body.items[0]!.id;
    const upd = await admin.patch(`/api/users/${id}`, {
      roles: [
        { role: 'admin', departmentId: west.id },
        { role: 'auditor', departmentId: west.id },
      ],
    });
    expect(upd.status).toBe(409);
  });

  it('ends the sessions of a user whose roles change or who is disabled', async () => {
    const editor = await t.as('east_editor', 'Fresh-Pass-2026');
    const id = editor.session!.user.id;
    expect(
      (await admin.patch(`/api/users/${id}`, { roles: [{ role: 'reviewer', departmentId: east.id }] }))
        .status,
    ).toBe(200);
    expect((await editor.get('/api/auth/me')).status).toBe(401);
    const again = await t.as('east_editor', 'Fresh-Pass-2026');
    expect(again.session!.roles.map((r) => r.role)).toEqual(['reviewer']);
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    const login = await t.client().login('east_editor', 'Fresh-Pass-2026');
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ code: 'ACCOUNT_DISABLED' });
  });

  it('renames and moves departments, refusing a cycle', async () => {
    expect(
      (await admin.patch<Department>(`/api/departments/${eastTeam.id}`, { name: '东城治安管理大队' })).body
        .name,
    ).toBe('东城治安管理大队');
    const cycle = await admin.patch(`/api/departments/${east.id}`, { parentId: eastTeam.id });
    expect(cycle.status).toBe(409);
    expect(cycle.body).toMatchObject({ code: 'DEPARTMENT_CYCLE' });
    const moved = await admin.patch<Department>(`/api/departments/${eastTeam.id}`, { parentId: west.id });
    expect(moved.body).toMatchObject({ parentId: west.id, depth: 2 });
    const westAdminView = await onboard(t, admin, {
      username: 'west_admin',
      displayName: '西城管理员',
      departmentId: west.id,
      roles: [{ role: 'admin', departmentId: west.id }],
    });
    const seen = await westAdminView.client.get<Department[]>('/api/departments');
    expect(seen.body.map((d) => d.name)).toContain('东城治安管理大队');
  });

  it('refuses to disable a department that still has enabled users', async () => {
    const res = await admin.patch(`/api/departments/${west.id}`, { disabled: true });
    expect(res.status).toBe(409);
    expect((res.body as { message: string }).message).toMatch(/启用的/);
  });

  it('gives the audit log to the auditor alone', async () => {
    expect((await admin.get('/api/audit')).status).toBe(403);
    const { client: auditor } = await onboard(t, admin, {
      username: 'sec_auditor',
      displayName: '审计员',
      departmentId: root,
      roles: [{ role: 'auditor', departmentId: root }],
    });
    const log =
      await auditor.get<Page<{ action: string; username: string; detail: string | null }>>(
        '/api/audit?pageSize=200',
      );
    const actions = new Set(log.body.items.map((e) => e.action));
    for (const a of [
      'department.create',
      'department.rename',
      'department.move',
      'user.create',
      'user.roles_changed',
      'user.disable',
      'access.denied',
      'auth.password_changed',
    ]) {
      expect(actions, a).toContain(a);
    }
    // Grants read as the auditor speaks: role and department by name, not codes and ids.
    const created = log.body.items.find(
      (e) => e.action === 'user.create' && e.detail?.startsWith('sec_auditor'),
    );
    expect(created?.detail).toBe('sec_auditor：安全审计员（本单位）');
    expect(
      (
        await auditor.post('/api/users', {
          username: 'z_user',
          displayName: 'z',
          departmentId: root,
          roles: [],
        })
      ).status,
    ).toBe(403);
  });
});
