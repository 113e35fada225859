import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { pickOption, tableRows } from './element-plus';

/** The audit view's default page size. */
const PAGE_SIZE = 50;

/** Opens 审计日志 from the side navigation and waits for the first page of entries. */
export async function openAudit(page: Page): Promise<void> {
  await page.getByTestId('nav-audit').click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(tableRows(page.getByTestId('audit-table')).first()).toBeVisible();
}

export interface AuditFilter {
  username: string;
  /** The action's Chinese label as the 操作 select shows it, e.g. 新建部门; omitted means 全部. */
  action?: string;
}

/** Filters the log as a person would and returns the rows of the answer. */
export async function searchAudit(page: Page, filter: AuditFilter): Promise<Locator> {
  const filters = page.getByTestId('audit-filters');
  const isAudit = (r: Response) => r.url().includes('/api/audit?');
  const cleared = page.waitForResponse(isAudit);
  await filters.getByRole('button', { name: '重置' }).click();
  await cleared;
  await filters.getByTestId('audit-username').fill(filter.username);
  if (filter.action) await pickOption(page, filters.getByTestId('audit-action'), filter.action);
  const answered = page.waitForResponse(isAudit);
  await filters.getByTestId('audit-search').click();
  const response = await answered;
  expect(response.status()).toBe(200);
  const { total } = (await response.json()) as { total: number };

  const rows = tableRows(page.getByTestId('audit-table'));
  await expect(rows).toHaveCount(Math.min(total, PAGE_SIZE));
  // Every row of the answer belongs to the user asked for (用户 is the second column).
  await expect(rows.locator('td:nth-child(2)')).toHaveText(
    Array<string>(Math.min(total, PAGE_SIZE)).fill(filter.username),
  );
  return rows;
}
