import { expect, type Page } from '@playwright/test';
import { pickOption, tableRows } from './element-plus';

/** Opens 用户与部门 from the side navigation. */
export async function openOrganization(page: Page): Promise<void> {
  await page.getByTestId('nav-organization').click();
  await expect(page).toHaveURL(/\/organization$/);
  await expect(page.getByTestId('department-tree')).toBeVisible();
}

/** Selects a department in the tree; the user table then lists its subtree. */
export async function selectDepartment(page: Page, name: string): Promise<void> {
  await page.getByTestId('department-tree').getByText(name, { exact: true }).click();
  await expect(page.getByText(`${name}及下属部门的用户`, { exact: true })).toBeVisible();
}

/** 新建下级部门 under `parent`; waits until the new department shows in the tree. */
export async function createDepartment(page: Page, parent: string, name: string): Promise<void> {
  await selectDepartment(page, parent);
  await page.getByTestId('department-create-open').click();
  const dialog = page.getByRole('dialog', { name: `在「${parent}」下新建部门` });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('department-name').fill(name);
  await dialog.getByTestId('create-department-submit').click();
  await expect(page.getByText('部门已创建')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('department-tree').getByText(name, { exact: true })).toBeVisible();
}

export interface NewUser {
  username: string;
  displayName: string;
  /** The home department, which the form's role row is scoped to as well. */
  department: string;
  /** The role's Chinese label, e.g. 信息员. */
  role: string;
}

/**
 * 新建用户 in `user.department` with one role scoped to that department. Returns the temporary
 * password the app shows once, and leaves its dialog open so a screenshot can show it.
 */
export async function createUser(page: Page, user: NewUser): Promise<string> {
  await selectDepartment(page, user.department);
  await page.getByTestId('user-create-open').click();
  const form = page.getByTestId('create-user-form');
  await expect(form).toBeVisible();
  await form.getByTestId('user-username').fill(user.username);
  await form.getByTestId('user-display-name').fill(user.displayName);
  // The dialog starts on the department selected in the tree; choose it explicitly all the same.
  await pickOption(page, form.getByTestId('user-department'), user.department);
  await form.getByTestId('grant-add').click();
  await pickOption(page, form.getByTestId('grant-role-0'), user.role);
  await expect(form.getByTestId('grant-scope-0')).toContainText(user.department);
  await page.getByTestId('create-user-submit').click();

  const password = page.getByTestId('temporary-password');
  await expect(password).toBeVisible();
  const text = (await password.textContent())?.trim() ?? '';
  expect(text.length).toBeGreaterThanOrEqual(10);
  return text;
}

/** Closes the temporary-password dialog and waits for the new user in the table. */
export async function closeTemporaryPassword(page: Page, username: string): Promise<void> {
  await page.getByTestId('temporary-password-close').click();
  await expect(page.getByTestId('temporary-password')).toBeHidden();
  const row = tableRows(page.getByTestId('user-table')).filter({ hasText: username });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('待改密');
}
