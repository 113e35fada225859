import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../playwright.config';
import { sessionApi } from '../support/api';
import { login } from '../support/auth';
import { pickOption, tableRows } from '../support/element-plus';
import { snapshot } from '../support/screenshots';

interface QuotaPeriod {
  start: string;
  done: number;
  outcome: 'met' | 'behind' | 'missed';
}
interface QuotaRow {
  columnCode: string;
  columnName: string;
  periods: QuotaPeriod[];
}
interface QuotaReport {
  today: string;
  rows: QuotaRow[];
}

/** Element Plus' success-light-9 and danger-light-9: the page's green and red cells. */
const GREEN = 'rgb(240, 249, 235)';
const RED = 'rgb(254, 240, 240)';

/** The cells as the page lays them out: the current period first (index 0), then the ones before it. */
const newestFirst = (row: QuotaRow) => [...row.periods].reverse().slice(0, 12);

/** The report the page itself asked for, read from its own response. */
async function openQuotaPage(page: Page): Promise<QuotaReport> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/column-quotas?'));
  await page.getByTestId('nav-quotas').click();
  await expect(page).toHaveURL(/\/column-quotas$/);
  const response = await answered;
  expect(response.status()).toBe(200);
  return (await response.json()) as QuotaReport;
}

test('栏目考核 shows 政策法规 falling short in red and a column that met its quota in green', async ({
  page,
}, testInfo) => {
  await login(page, 'demo_leader', DEMO_PASSWORD);
  // The demo year reaches Sunlight through its own collection: wait until the portal's columns have counts.
  const api = await sessionApi(page);
  await expect
    .poll(
      async () => {
        const res = await api.get('/api/column-quotas?from=2026-01-01&to=2026-12-31&period=week');
        const report = (await res.json()) as QuotaReport;
        return report.rows.some((r) => r.columnCode === 'zcfg' && r.periods.some((p) => p.done > 0));
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(true);

  const report = await openQuotaPage(page);
  const zcfg = report.rows.find((r) => r.columnCode === 'zcfg');
  expect(zcfg, '政策法规 has an update quota in the demo').toBeDefined();
  await expect(page.getByTestId('quota-column-zcfg')).toHaveText('政策法规');

  // 政策法规 asks for 2 a week and the demo gives it less: the last full week is red, as are most of them.
  const zcfgCells = newestFirst(zcfg!);
  expect(zcfgCells[1]!.outcome).toBe('missed');
  const lastWeek = page.getByTestId('quota-cell-zcfg-1');
  await expect(lastWeek).toHaveAttribute('data-tone', 'short');
  await expect(lastWeek).toHaveCSS('background-color', RED);
  await expect(lastWeek).toContainText(`${zcfgCells[1]!.done}/2`);
  const missed = zcfgCells.slice(1).filter((p) => p.outcome === 'missed').length;
  expect(missed).toBeGreaterThan((zcfgCells.length - 1) / 2);
  for (const [i, p] of zcfgCells.entries())
    await expect(page.getByTestId(`quota-cell-zcfg-${i}`)).toHaveAttribute(
      'data-tone',
      p.outcome === 'met' ? 'met' : 'short',
    );

  // The other columns mostly meet theirs: the first met period the API reports is green on the page.
  const met = report.rows
    .filter((r) => r.columnCode !== 'zcfg')
    .flatMap((r) => newestFirst(r).map((p, i) => ({ code: r.columnCode, p, i })))
    .find(({ p }) => p.outcome === 'met');
  expect(met, 'some demo column met its quota').toBeDefined();
  const green = page.getByTestId(`quota-cell-${met!.code}-${met!.i}`);
  await expect(green).toHaveAttribute('data-tone', 'met');
  await expect(green).toHaveCSS('background-color', GREEN);
  await expect(green).toContainText(`${met!.p.done}/`);
  await snapshot(page, testInfo, 'column-quotas');

  // One kind of period: only the monthly columns, with the months named in the headers.
  const monthly = page.waitForResponse((r) => r.url().includes('period=month'));
  await pickOption(page, page.getByTestId('quota-period'), '每月');
  const months = (await (await monthly).json()) as QuotaReport;
  expect(months.rows.length).toBeGreaterThan(0);
  await expect(tableRows(page.getByTestId('quota-table'))).toHaveCount(months.rows.length);
  await expect(page.getByTestId('quota-column-zcfg')).toHaveCount(0);
  const [year, month] = months.today.split('-').map(Number) as [number, number];
  const previous = month === 1 ? `${year - 1}年12月` : `${year}年${month - 1}月`;
  await expect(page.getByTestId('quota-table').locator('thead')).toContainText(previous);
  await snapshot(page, testInfo, 'column-quotas-monthly');

  // A 分局 with no column of its own and none it is responsible for: the page says so.
  await pickOption(page, page.getByTestId('quota-filters').getByTestId('quota-department'), '南湖分局');
  await expect(page.getByTestId('quota-empty')).toContainText('没有需要考核的栏目');
});
