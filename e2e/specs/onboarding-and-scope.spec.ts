import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../playwright.config';
import { errorOf, sessionApi } from '../support/api';
import { openAudit, searchAudit } from '../support/audit';
import { changeTemporaryPassword, login, logout, submitLogin } from '../support/auth';
import {
  closeTemporaryPassword,
  createDepartment,
  createUser,
  openOrganization,
} from '../support/organization';
import { snapshot } from '../support/screenshots';

/**
 * The onboarding story end to end: the admin creates a department and an editor in it, the editor
 * replaces the temporary password and cannot see anyone outside the department, and the auditor
 * finds all of it in 审计日志. Each step builds on the one before, so the file runs in order.
 */
test.describe.configure({ mode: 'serial' });

// Unique per run, so the names never collide even against a reused database.
const runId = Date.now().toString(36);
const department = `E2E测试科${runId}`;
const editor = { username: `e2e_editor_${runId}`, displayName: `测试信息员${runId}` };
/** Meets the policy (≥10 characters, four classes) and does not contain the username. */
const editorPassword = `Qingshui-${runId}!A9`;
const rootDepartment = '示范市公安局';
/** A user of another department (东城分局) whom the new editor must not reach. */
const outsider = 'demo_editor_dongcheng';

let temporaryPassword = '';
let outsiderId = 0;
let outsiderDepartmentId = 0;

interface UserRow {
  id: number;
  username: string;
  departmentId: number;
  departmentName: string;
  roles: { role: string; departmentId: number }[];
  mustChangePassword: boolean;
}
interface UserPage {
  items: UserRow[];
  total: number;
}

test('the admin creates a department and an editor scoped to it', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: '阳光政务新媒体运营台' })).toBeVisible();
  await snapshot(page, testInfo, '01-login');

  // The password came from the environment, so the admin is not sent to change it.
  await login(page, 'admin', ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('user-menu')).toContainText('系统管理员');
  await snapshot(page, testInfo, '02-admin-home');

  await openOrganization(page);
  await snapshot(page, testInfo, '03-organization');

  await createDepartment(page, rootDepartment, department);
  await snapshot(page, testInfo, '04-department-created');

  temporaryPassword = await createUser(page, { ...editor, department, role: '信息员' });
  await expect(page.getByRole('dialog', { name: '临时密码' })).toContainText(
    `已为「${editor.displayName}」创建账号。`,
  );
  await snapshot(page, testInfo, '05-temporary-password');
  await closeTemporaryPassword(page, editor.username);
  await snapshot(page, testInfo, '06-user-created');

  // What the form sent is what was stored: home and role scope are both the new department.
  const api = await sessionApi(page);
  const created = (await (await api.get(`/api/users?q=${editor.username}`)).json()) as UserPage;
  expect(created.items).toHaveLength(1);
  const [user] = created.items;
  expect(user).toMatchObject({ departmentName: department, mustChangePassword: true });
  expect(user!.roles).toEqual([{ role: 'editor', departmentId: user!.departmentId }]);

  const others = (await (await api.get(`/api/users?q=${outsider}`)).json()) as UserPage;
  expect(others.items).toHaveLength(1);
  outsiderId = others.items[0]!.id;
  outsiderDepartmentId = others.items[0]!.departmentId;

  await logout(page);
});

test('the editor must replace the temporary password at first login', async ({ page }, testInfo) => {
  expect(temporaryPassword, 'set by the admin test').not.toBe('');
  await submitLogin(page, editor.username, temporaryPassword);
  await expect(page).toHaveURL(/\/password/);
  await expect(page.getByText('请先设置新密码')).toBeVisible();
  await snapshot(page, testInfo, '07-password-forced');

  // Until it is replaced, nothing else opens: the guard sends the person back here.
  await page.goto('/organization');
  await expect(page).toHaveURL(/\/password\?redirect=\/organization$/);
  // Back to the plain page, so the change below lands on the 工作台 rather than on that address.
  await page.goto('/password');

  // A password containing the username fails the checklist before anything is sent.
  await page.getByTestId('password-new').fill(`${editor.username}-Aa1!`);
  await expect(page.getByTestId('policy-containsUsername')).toHaveAttribute('data-met', 'false');
  await page.getByTestId('password-new').fill(editorPassword);
  for (const rule of ['tooShort', 'tooFewClasses', 'containsUsername'])
    await expect(page.getByTestId(`policy-${rule}`)).toHaveAttribute('data-met', 'true');

  await changeTemporaryPassword(page, temporaryPassword, editorPassword);
  await expect(page.getByText('密码已修改')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('user-menu')).toContainText(editor.displayName);
  await expect(page.getByTestId('user-menu')).toContainText(`${department} · 信息员`);
  await snapshot(page, testInfo, '08-editor-home');
});

test('the editor sees no users outside the department, in the UI or the API', async ({ page }, testInfo) => {
  expect(outsiderId, 'set by the admin test').toBeGreaterThan(0);
  // The new password works, and no second change is asked for.
  await login(page, editor.username, editorPassword);
  await expect(page).toHaveURL(/\/$/);

  // 用户与部门 is for admins only: not offered in the menu, and its address answers 无权访问.
  const nav = page.getByTestId('nav');
  await expect(nav.getByTestId('nav-home')).toBeVisible();
  await expect(nav.getByTestId('nav-posts')).toBeVisible();
  await expect(nav.getByTestId('nav-organization')).toHaveCount(0);
  await expect(nav.getByTestId('nav-audit')).toHaveCount(0);
  await expect(nav).not.toContainText('用户与部门');
  await snapshot(page, testInfo, '09-editor-nav');

  await page.goto('/organization');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByTestId('forbidden')).toContainText('无权访问');
  await expect(page.getByTestId('user-table')).toHaveCount(0);
  await snapshot(page, testInfo, '10-editor-forbidden');

  const api = await sessionApi(page);

  // GET /api/users is open to any signed-in user (picking a colleague) but only within their scope:
  // here that is the new department, where the editor is the only user.
  const list = await api.get('/api/users?pageSize=100');
  expect(list.status()).toBe(200);
  const visible = (await list.json()) as UserPage;
  expect(visible.total).toBe(1);
  expect(visible.items.map((u) => u.username)).toEqual([editor.username]);
  expect(visible.items.every((u) => u.departmentName === department)).toBe(true);
  const searched = (await (await api.get(`/api/users?q=${outsider}`)).json()) as UserPage;
  expect(searched.total).toBe(0);

  // Asking for another department's users is refused outright, not answered with an empty page.
  const otherDepartment = await api.get(`/api/users?department=${outsiderDepartmentId}`);
  expect(otherDepartment.status()).toBe(403);
  expect(await errorOf(otherDepartment)).toMatchObject({
    code: 'FORBIDDEN',
    message: '您无权查看该部门的用户',
  });

  // The departments the editor can list are the own one only.
  const departments = (await (await api.get('/api/departments')).json()) as { name: string }[];
  expect(departments.map((d) => d.name)).toEqual([department]);

  // There is no read-by-id endpoint; the address of another department's user answers 404 …
  const byId = await api.get(`/api/users/${outsiderId}`);
  expect(byId.status()).toBe(404);
  expect(await byId.text()).not.toContain(outsider);

  // … and changing that user is refused: without the CSRF token at the door, with it by role.
  const noToken = await api.patch(`/api/users/${outsiderId}`, { displayName: '越权修改' }, { csrf: false });
  expect(noToken.status()).toBe(403);
  expect((await errorOf(noToken)).code).toBe('CSRF_INVALID');
  const withToken = await api.patch(`/api/users/${outsiderId}`, { displayName: '越权修改' });
  expect(withToken.status()).toBe(403);
  expect(await errorOf(withToken)).toMatchObject({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' });
});

test('the auditor finds every step in 审计日志', async ({ page }, testInfo) => {
  // Demo users whose password was set through the environment sign straight in.
  await login(page, 'demo_auditor', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('nav-organization')).toHaveCount(0);

  await openAudit(page);
  await expect(page.getByText('审计日志只读、不可修改')).toBeVisible();
  await snapshot(page, testInfo, '11-audit');

  const departmentRows = await searchAudit(page, { username: 'admin', action: '新建部门' });
  const created = departmentRows.filter({ hasText: `${department}（上级：${rootDepartment}）` });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('成功');
  await snapshot(page, testInfo, '12-audit-department-create');

  const userRows = await searchAudit(page, { username: 'admin', action: '创建用户' });
  await expect(userRows.filter({ hasText: `${editor.username}：信息员（` })).toHaveCount(1);
  await snapshot(page, testInfo, '13-audit-user-create');

  // Newest first: the refusals, the second login, the password change, the first login.
  const editorRows = await searchAudit(page, { username: editor.username });
  await expect(editorRows.locator('td:nth-child(4)')).toHaveText([
    '越权访问',
    '越权访问',
    '登录',
    '修改密码',
    '登录',
  ]);
  await expect(editorRows.filter({ hasText: '修改密码' })).toContainText('成功');
  await snapshot(page, testInfo, '14-audit-editor');

  const denied = await searchAudit(page, { username: editor.username, action: '越权访问' });
  await expect(denied).toHaveCount(2);
  await expect(denied.filter({ hasText: `/api/users?department=${outsiderDepartmentId}` })).toContainText(
    '拒绝',
  );
  await expect(denied.filter({ hasText: `/api/users/${outsiderId}` })).toContainText('PATCH');
  await snapshot(page, testInfo, '15-audit-denied');
});
