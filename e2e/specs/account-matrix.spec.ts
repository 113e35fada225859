import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../playwright.config';
import { sessionApi } from '../support/api';
import { login } from '../support/auth';
import { snapshot } from '../support/screenshots';

interface AccountRow {
  id: number;
  name: string;
  channel: string;
  departmentName: string;
}

test('the demo admin sees every demo account connected to its channel, by department', async ({
  page,
}, testInfo) => {
  await login(page, 'demo_admin', DEMO_PASSWORD);
  await page.getByTestId('nav-channels').click();
  await expect(page.getByTestId('accounts-summary')).toContainText('9');
  const accounts = (await (
    await sessionApi(page)
  )
    .get('/api/accounts')
    .then((r) => r.json())) as AccountRow[];
  expect(accounts).toHaveLength(9);
  for (const a of accounts) await expect(page.getByTestId(`account-name-${a.id}`)).toHaveText(a.name);

  // 测试连接 makes a real call through the channel adapter and says who answered.
  const weibo = accounts.find((a) => a.channel === 'weibo' && a.departmentName === '东城分局')!;
  await page.getByTestId(`account-test-${weibo.id}`).click();
  const result = page.getByTestId('connection-test-result');
  await expect(result).toContainText('连接成功');
  await expect(result).toContainText(weibo.name);
  await snapshot(page, testInfo, 'connection-test');
  await page.keyboard.press('Escape');

  const portal = accounts.find((a) => a.channel === 'portal')!;
  await page.getByTestId(`account-columns-${portal.id}`).click();
  await expect(page.getByTestId('columns-table')).toContainText('警务动态');
  await expect(page.getByTestId('column-quota-jwdt')).toHaveText('每周至少1条');
  await snapshot(page, testInfo, 'portal-columns');
});

test('a 分局 editor sees only the 分局’s own accounts and cannot change them', async ({ page }, testInfo) => {
  await login(page, 'demo_editor_xicheng', DEMO_PASSWORD);
  await page.getByTestId('nav-channels').click();
  await expect(page.getByTestId('accounts-summary')).toContainText('2');
  const api = await sessionApi(page);
  const accounts = (await (await api.get('/api/accounts')).json()) as AccountRow[];
  expect(accounts.map((a) => a.departmentName)).toEqual(['西城分局', '西城分局']);
  await expect(page.getByTestId('account-create-open')).toHaveCount(0);
  await expect(page.getByTestId(`account-edit-${accounts[0]!.id}`)).toHaveCount(0);
  expect((await api.patch(`/api/accounts/${accounts[0]!.id}`, { name: '改名' })).status()).toBe(403);
  await snapshot(page, testInfo, 'editor-matrix');
});

test('the demo admin imports a Weibo account’s history and the matrix then shows what was collected', async ({
  page,
}, testInfo) => {
  await login(page, 'demo_admin', DEMO_PASSWORD);
  await page.getByTestId('nav-channels').click();
  const accounts = (await (
    await sessionApi(page)
  )
    .get('/api/accounts')
    .then((r) => r.json())) as AccountRow[];
  const weibo = accounts.find((a) => a.channel === 'weibo' && a.departmentName === '东城分局')!;

  // 导入历史 says what it will do before it does it.
  await page.getByTestId(`account-import-${weibo.id}`).click();
  const confirm = page.locator('.el-message-box');
  await expect(confirm).toContainText('接入阳光之前发布的内容');
  await confirm.getByRole('button', { name: '开始导入' }).click();

  // The dialog polls until the import has walked the account's whole timeline.
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('import-status')).toHaveText('已完成');
  const count = async (kind: string) =>
    Number((await page.getByTestId(`import-count-${kind}`).innerText()).replace(/\D/g, ''));
  const stored = (await count('original')) + (await count('forward')) + (await count('unclassified'));
  expect(stored).toBeGreaterThan(0);
  await expect(page.getByTestId('import-read')).not.toContainText('已读取 0 页');
  await snapshot(page, testInfo, 'history-import');
  await page.getByTestId('import-close').click();

  await page.getByTestId(`account-collect-${weibo.id}`).click();
  await expect(page.locator('.el-message')).toContainText('采集任务已排队');

  await page.reload();
  await expect(page.getByTestId(`account-collected-${weibo.id}`)).not.toHaveText('尚未采集');
  await expect(page.getByTestId(`account-collected-${weibo.id}`)).toHaveText(/\d{4}/);
  await expect(page.getByTestId(`account-freshness-${weibo.id}`)).not.toContainText('尚无发布记录');
  await expect(page.getByTestId(`account-freshness-${weibo.id}`)).toContainText(/\d{4}/);
  await snapshot(page, testInfo, 'matrix-after-import');
});
