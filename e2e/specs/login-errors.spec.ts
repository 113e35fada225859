import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../playwright.config';
import { login, submitLogin } from '../support/auth';
import { snapshot } from '../support/screenshots';

// Each test uses a demo user no other spec signs in as, so a lockout here cannot break them.
// Together they make 10 login calls, well under the login rate limit (30 a minute per address).

const WRONG = 'Wrong-Pass-2026';
const INVALID = '用户名或密码错误';

/** Submits the login form and waits for the server's answer to it. */
async function attempt(page: Page, username: string, password: string): Promise<number> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await submitLogin(page, username, password);
  return (await answered).status();
}

test('a wrong password is refused in Chinese, and the right one still works', async ({ page }, testInfo) => {
  await page.goto('/login');
  expect(await attempt(page, 'demo_editor_nanhu', WRONG)).toBe(401);
  const error = page.getByTestId('login-error');
  await expect(error).toHaveText(INVALID);
  await expect(error).toHaveClass(/el-alert--error/);
  // The password is cleared for the next try; the username stays.
  await expect(page.getByTestId('login-password')).toHaveValue('');
  await expect(page.getByTestId('login-username')).toHaveValue('demo_editor_nanhu');
  await snapshot(page, testInfo, 'wrong-password');

  // An unknown username gets the very same answer: the page does not tell which names exist.
  expect(await attempt(page, 'no_such_user', WRONG)).toBe(401);
  await expect(error).toHaveText(INVALID);

  await login(page, 'demo_editor_nanhu', DEMO_PASSWORD);
  await expect(page.getByTestId('user-menu')).toContainText('南湖信息员');
});

test('five wrong passwords in a row lock the account', async ({ page }, testInfo) => {
  await page.goto('/login');
  const error = page.getByTestId('login-error');
  for (let i = 1; i <= 4; i++) {
    expect(await attempt(page, 'demo_reporter', `${WRONG}-${i}`), `attempt ${i}`).toBe(401);
    await expect(error).toHaveText(INVALID);
  }

  expect(await attempt(page, 'demo_reporter', `${WRONG}-5`)).toBe(423);
  await expect(error).toHaveText('密码错误次数过多，账号已锁定，请 15 分钟后再试');
  await expect(error).toHaveClass(/el-alert--warning/);
  await snapshot(page, testInfo, 'account-locked');

  // While locked, even the right password is turned away, with the same message.
  expect(await attempt(page, 'demo_reporter', DEMO_PASSWORD)).toBe(423);
  await expect(error).toContainText('账号已锁定');
  await expect(page).toHaveURL(/\/login/);
});
