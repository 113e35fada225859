import type { ColumnQuotaReport, ColumnQuotaRow, Department } from '@sunlight/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mountView } from '@/testing/mount-view';
import ColumnQuotasView from './column-quotas-view.vue';

const departments: Department[] = [
  { id: 1, name: '示范市公安局', parentId: null, depth: 0, disabled: false, reviewLevels: 2 },
];

const row = (over: Partial<ColumnQuotaRow>): ColumnQuotaRow => ({
  columnId: 1,
  columnName: '政策法规',
  columnCode: 'zcfg',
  accountId: 9,
  accountName: '示范市公安局门户网站',
  responsibleDepartmentId: 1,
  responsibleDepartmentName: '示范市公安局',
  rule: { period: 'week', min: 2, max: null },
  ruleText: '每周至少2条',
  periods: [],
  ...over,
});

async function mountWith(report: ColumnQuotaReport) {
  const fetch = vi.fn((url: string) =>
    Promise.resolve(jsonResponse(200, url.startsWith('/api/departments') ? departments : report)),
  );
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountView(ColumnQuotasView, '/column-quotas');
  await flushPromises();
  return { wrapper, fetch };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('栏目考核 page', () => {
  it('tells the user where to set update quotas when no column has one', async () => {
    const { wrapper, fetch } = await mountWith({
      from: '2024-01-01',
      to: '2026-11-23',
      today: '2026-11-23',
      rows: [],
    });
    expect(wrapper.find('[data-testid="quota-empty"]').text()).toContain('账号与栏目');
    expect(wrapper.find('[data-testid="quota-empty"] a').attributes('href')).toBe('/channels');
    // Every kind on the page: the range reaches back twelve quarters.
    const asked = fetch.mock.calls.map(([url]) => url).find((url) => url.startsWith('/api/column-quotas'));
    expect(asked).toMatch(/from=\d{4}-\d{2}-01/);
  });

  it('shows the current period first, red when short, green when met, and notes 超出上限', async () => {
    const { wrapper } = await mountWith({
      from: '2026-11-01',
      to: '2026-11-23',
      today: '2026-11-23',
      rows: [
        row({
          periods: [
            { start: '2026-11-09', end: '2026-11-15', done: 3, outcome: 'met', overMax: false },
            { start: '2026-11-16', end: '2026-11-22', done: 1, outcome: 'missed', overMax: false },
            { start: '2026-11-23', end: '2026-11-29', done: 0, outcome: 'behind', overMax: false },
          ],
        }),
        row({
          columnId: 2,
          columnCode: 'jfts',
          columnName: '警方提示',
          rule: { period: 'month', min: 2, max: 3 },
          ruleText: '每月2–3条',
          periods: [{ start: '2026-11-01', end: '2026-11-30', done: 4, outcome: 'met', overMax: true }],
        }),
      ],
    });
    const cell = (id: string) => wrapper.find(`[data-testid="${id}"]`);
    expect(cell('quota-cell-zcfg-0').attributes('data-tone')).toBe('short');
    expect(cell('quota-cell-zcfg-0').text()).toContain('0/2');
    expect(cell('quota-cell-zcfg-0').text()).toContain('进行中');
    expect(cell('quota-cell-zcfg-1').attributes('data-outcome')).toBe('missed');
    expect(cell('quota-cell-zcfg-2').attributes('data-tone')).toBe('met');
    expect(cell('quota-cell-zcfg-2').text()).toContain('11月9日–11月15日');
    expect(cell('quota-cell-zcfg-3').exists()).toBe(false);
    expect(cell('quota-cell-jfts-0').text()).toContain('4/2–3');
    expect(cell('quota-cell-jfts-0').text()).toContain('超出上限');
    expect(cell('quota-summary').text()).toBe('共 2 个栏目，本期已达标 1 个，未达标 1 个');
    expect(wrapper.find('[data-testid="quota-table"]').text()).toContain('上1期');
  });
});
