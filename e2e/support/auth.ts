import { expect, type Page } from '@playwright/test';

/** Fills the login form and submits it; the caller asserts where the app goes next. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Signs in with a password that needs no change and waits for the 工作台 shell: up to half a minute, as a
 * spec run alone signs in while the server (api and worker in one process, on SQLite) is still taking in
 * the demo year, and the login then waited over the default 5 s.
 */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await submitLogin(page, username, password);
  await expect(page.getByTestId('nav')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** On the forced password page: replaces the temporary password and waits for the app. */
export async function changeTemporaryPassword(page: Page, current: string, next: string): Promise<void> {
  await expect(page).toHaveURL(/\/password/);
  await expect(page.getByTestId('password-forced-reason')).toBeVisible();
  await page.getByTestId('password-current').fill(current);
  await page.getByTestId('password-new').fill(next);
  await page.getByTestId('password-confirm').fill(next);
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('nav')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}
