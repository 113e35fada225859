import { expect, type Page, test } from '@playwright/test';
import { figureCatalogue, type KpiFigure, kpiFigures } from '@sunlight/contracts';
import { DEMO_PASSWORD } from '../playwright.config';
import { sessionApi } from '../support/api';
import { login } from '../support/auth';
import { waitForDemoYear } from '../support/demo-year';
import { tableRows } from '../support/element-plus';
import { snapshot } from '../support/screenshots';

type Totals = Partial<Record<KpiFigure, number | null>>;

/** A figure as the page writes it: 1,299 · 22.6% · — for a rate over nothing. */
function shown(code: KpiFigure, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return figureCatalogue[code].unit === 'percent'
    ? `${(value * 100).toFixed(1)}%`
    : value.toLocaleString('en-US');
}

async function figuresOf(page: Page, department: number, from: string, to: string): Promise<Totals> {
  const api = await sessionApi(page);
  const response = await api.get(
    `/api/figures?department=${department}&from=${from}&to=${to}&figures=${kpiFigures.join(',')}`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { totals: Totals }).totals;
}

test('a leader reads 2025 for a 分局: KPI cards equal the API, 原创 drills down to the original posts', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await login(page, 'demo_leader', DEMO_PASSWORD);
  const api = await sessionApi(page);
  const departments = (await (await api.get('/api/departments')).json()) as { id: number; name: string }[];
  const dongcheng = departments.find((d) => d.name === '东城分局')!;

  // The demo year reaches the database through 导入历史 after the first start.
  await waitForDemoYear(page);

  await page.getByTestId('nav-dashboard').click();
  const cards = page.getByTestId('kpi-cards');
  await expect(cards).toHaveAttribute('data-loaded', 'true');

  // 去年: today is in 2026, so 2025 whole.
  await page.getByTestId('range-lastYear').click();
  await expect(page.getByTestId('dashboard-period')).toContainText('2025-01-01 至 2025-12-31');
  await expect(page.getByTestId('dashboard-period')).toContainText('上期 2024-01-01 至 2024-12-31');

  // 统计单位: the tree-select loads on the first click and opens by itself.
  await page.getByTestId('dashboard-department-open').click();
  await page.getByRole('option', { name: '东城分局', exact: true }).filter({ visible: true }).click();
  await expect(cards).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('panel-ranking')).toContainText('东城分局（本级）');

  // The rollups follow the import within seconds: wait until the figures hold still for a few seconds, then
  // compare the page and the API read at the same moment, reading again (刷新) until they agree.
  let totals: Totals = {};
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await figuresOf(page, dongcheng.id, '2025-01-01', '2025-12-31'));
        const still = now === previous;
        previous = now;
        return still;
      },
      { timeout: 150_000, intervals: [4_000] },
    )
    .toBe(true);
  await expect(async () => {
    await page.getByTestId('dashboard-refresh').click();
    await expect(cards).toHaveAttribute('data-loaded', 'true');
    await expect(page.getByTestId('dashboard-refresh')).not.toHaveClass(/is-loading/);
    const before = await figuresOf(page, dongcheng.id, '2025-01-01', '2025-12-31');
    const onPage: Record<string, string> = {};
    for (const code of kpiFigures)
      onPage[code] = (await page.getByTestId(`kpi-value-${code}`).innerText()).trim();
    totals = await figuresOf(page, dongcheng.id, '2025-01-01', '2025-12-31');
    expect(totals).toEqual(before);
    expect(onPage).toEqual(Object.fromEntries(kpiFigures.map((code) => [code, shown(code, totals[code])])));
  }).toPass({ timeout: 60_000 });
  expect(totals.original).toBeGreaterThan(0);
  // WeChat reads come by day from the statistics walk, the import's last part: the year is all there.
  expect(totals.reads).toBeGreaterThan(0);
  expect(totals.published).toBeGreaterThanOrEqual(totals.original!);

  // The rule of each figure is one hover away.
  await page.getByTestId('kpi-rule-original').hover();
  await expect(page.getByRole('tooltip')).toContainText('类型为“原创”');

  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toBeHidden();
  await page.setViewportSize({ width: 1440, height: 2100 });
  await snapshot(page, testInfo, 'dashboard-2025-dongcheng');
  await page.setViewportSize({ width: 1440, height: 900 });

  // 原创 → the original posts it counts: as many rows as the card says, every one 原创, each with a link.
  await page.getByTestId('kpi-value-original').click();
  const dialog = page.getByTestId('drill-dialog');
  await expect(dialog).toContainText('原创数明细 · 东城分局');
  await expect(page.getByTestId('drill-total')).toHaveText(`共 ${totals.original} 条`);
  const rows = tableRows(dialog.getByTestId('drill-publications'));
  await expect(rows).toHaveCount(Math.min(totals.original!, 20));
  const kinds = await rows.locator('td:nth-child(4)').allInnerTexts();
  expect(new Set(kinds.map((k) => k.trim()))).toEqual(new Set(['原创']));
  const accounts = await rows.locator('td:nth-child(2)').allInnerTexts();
  for (const a of accounts) expect(a).toContain('东城分局');
  await expect(rows.first().locator('a')).toHaveAttribute('href', /^https?:\/\//);
  const drill = (await (
    await api.get(
      `/api/figures/rows?figure=original&department=${dongcheng.id}&from=2025-01-01&to=2025-12-31&pageSize=200`,
    )
  ).json()) as { total: number; items: { kind: string }[] };
  expect(drill.total).toBe(totals.original);
  expect(drill.items.every((i) => i.kind === 'original')).toBe(true);
  await snapshot(page, testInfo, 'drill-down-original');
  await page.keyboard.press('Escape');

  // 大屏: the same figures, dark and large, readable at 1920×1080 and at 3840×2160.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('dashboard-screen').click();
  await expect(page.getByTestId('screen')).toBeVisible();
  await expect(page.getByTestId('screen-kpi-original')).toContainText(shown('original', totals.original));
  await expect(page.getByTestId('screen')).toContainText('东城分局新媒体运营数据');
  await expect(page.getByTestId('screen')).toContainText('2025-01-01 至 2025-12-31');
  await expect(page.getByTestId('screen-panel-trend')).toBeVisible();
  await page.waitForTimeout(1_500);
  await snapshot(page, testInfo, 'screen-1920x1080');
  const fontAt = () => page.getByTestId('screen').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const at1080 = await fontAt();

  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.waitForTimeout(1_500);
  // Text scales with the screen (viewport units), so a 4K screen is as readable from the back of the room.
  expect(await fontAt()).toBeCloseTo(at1080 * 2, 0);
  await page.getByRole('button', { name: '部门发布排名' }).click();
  await expect(page.getByTestId('screen-panel-ranking')).toBeVisible();
  await page.waitForTimeout(1_500);
  await snapshot(page, testInfo, 'screen-3840x2160');

  await page.getByTestId('screen-back').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
});
