import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../playwright.config';
import { login, logout } from '../support/auth';
import { pickOption } from '../support/element-plus';
import { snapshot } from '../support/screenshots';

/** Beijing wall-clock time `minutes` from now, as the date picker takes it. */
function beijingIn(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Signs a post at the current level from the review queue, acknowledging every safety warning shown. */
async function approveFromQueue(page: Page, postId: number): Promise<void> {
  await page.getByTestId('nav-review').click();
  await page.getByTestId(`review-open-${postId}`).click();
  await expect(page.getByTestId('review-body')).toBeVisible();
  const warnings = page.locator('[data-testid^="ack-"]');
  for (let i = 0; i < (await warnings.count()); i++) await warnings.nth(i).click();
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('review-queue')).toBeVisible();
  await expect(page.getByTestId(`review-open-${postId}`)).toHaveCount(0);
}

test('an editor writes a post for three accounts; 初审 and 终审 approve it; it is scheduled and on the calendar', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const title = `夏季治安整治成果发布 ${Date.now() % 100000}`;

  // 信息员 writes once for the 分局 Weibo and WeChat and the bureau portal's 警务动态 column.
  await login(page, 'demo_editor', DEMO_PASSWORD);
  await page.getByTestId('nav-posts').click();
  await page.getByTestId('post-create').click();
  await page.getByTestId('post-title').fill(title);
  const targets = page.getByTestId('post-targets');
  await targets.click();
  for (const name of [
    '政务微博 · 东城公安（东城分局）',
    '政务微信 · 东城警方（东城分局）',
    '门户网站 · 示范市公安局门户网站（示范市公安局）',
  ])
    await page.getByRole('option', { name, exact: true }).filter({ visible: true }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('post-body-editor').click();
  // 警力部署 is a 提示 word of the default dictionary: marked in place now, acknowledged by each reviewer later.
  await page.keyboard.type(
    '今天上午，市公安局召开新闻发布会，通报夏季治安整治行动成果，全市刑事警情同比下降。警力部署将进一步优化。',
  );
  await page.getByTestId('post-scheduled-at').locator('input').fill(beijingIn(2));
  await page.keyboard.press('Enter');

  // Autosave creates the post and the address follows it.
  await expect(page).toHaveURL(/\/posts\/\d+$/, { timeout: 15_000 });
  const postId = Number(/\/posts\/(\d+)$/.exec(page.url())![1]);
  const portalColumn = page.locator('[data-testid^="post-column-"]');
  await pickOption(page, portalColumn, '警务动态');
  await expect(page.getByTestId('autosave-state')).toHaveAttribute('data-state', 'saved', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('variant-panel')).toContainText('东城公安');
  await expect(page.getByTestId('preview-weibo')).toContainText(`【${title}】今天上午`);
  await expect(page.getByTestId('post-gate')).toContainText('警力部署');
  await snapshot(page, testInfo, 'composer');
  const variants = page.getByTestId('variant-panel');
  await variants.getByText('政务微信 · 东城警方').click();
  await expect(page.getByTestId('preview-wechat')).toContainText(title);
  await variants.getByText('门户网站 · 示范市公安局门户网站').click();
  await expect(page.getByTestId('preview-portal')).toContainText('警务动态');
  await snapshot(page, testInfo, 'composer-portal-preview');

  await page.getByTestId('post-submit').click();
  await expect(page.getByTestId('post-status')).toHaveText('待初审');
  await logout(page);

  // 初审 then 终审, each from their own queue.
  await login(page, 'demo_reviewer', DEMO_PASSWORD);
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId(`review-row-${postId}`)).toHaveText(title);
  await snapshot(page, testInfo, 'review-queue');
  await page.getByTestId(`review-open-${postId}`).click();
  await expect(page.getByTestId('review-body')).toContainText('新闻发布会');
  await expect(page.getByTestId('review-decision')).toContainText('警力部署');
  await snapshot(page, testInfo, 'review-page');
  await page.getByTestId('nav-review').click();
  await approveFromQueue(page, postId);
  await logout(page);

  await login(page, 'demo_approver', DEMO_PASSWORD);
  await approveFromQueue(page, postId);

  // With a planned time, the final approval scheduled it: one publication per account.
  await page.goto(`/posts/${postId}`);
  await expect(page.getByTestId('post-status')).toHaveText('已排期');
  await page.getByTestId('nav-calendar').click();
  const events = page.locator(`[data-testid^="calendar-event-"][data-post="${postId}"]`);
  await expect(events).toHaveCount(3);
  await snapshot(page, testInfo, 'calendar-month');
  await page.getByTestId('calendar-mode').getByText('周').click();
  await expect(events).toHaveCount(3);
  await snapshot(page, testInfo, 'calendar-week');
});
