import type { FigureValues } from '@sunlight/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFiguresStore } from '@/stores/figures';
import { useSessionStore } from '@/stores/session';
import { leaderSession, serveFigures, silentCanvas } from '@/testing/figures';
import { mountView } from '@/testing/mount-view';
import DashboardView from './dashboard-view.vue';

const current: FigureValues = {
  published: 5750,
  original: 1299,
  originalRate: 1299 / 5750,
  forwarded: 4351,
  repostedByOthers: 300_000,
  reads: 0,
  staleAccounts: 1,
  columnQuotaRate: 0.875,
};
const previous: FigureValues = {
  published: 5000,
  original: 1299,
  originalRate: 0.25,
  forwarded: 435,
  staleAccounts: 0,
};

/** The server as the dashboard sees it, with these totals for the range and the year before. */
const serve = (totals: FigureValues = current) => serveFigures({ totals, previous });

async function mountDashboard(totals?: FigureValues) {
  const requests = serve(totals);
  const { wrapper } = await mountView(DashboardView, '/dashboard', {
    setup: (pinia) => {
      useSessionStore(pinia).session = leaderSession;
      useFiguresStore(pinia).chooseRange({ from: '2025-01-01', to: '2025-12-31' });
    },
  });
  await flushPromises();
  mounted = wrapper;
  return { wrapper, requests };
}

let mounted: { unmount(): void } | undefined;

beforeEach(silentCanvas);

/** The drill-down dialog loads on the first click; waits for the rows request it then makes, and its answer. */
async function drillRequest(requests: URL[], matches: (url: URL) => boolean): Promise<URL> {
  const found = await vi.waitFor(
    () => {
      const url = requests.find((u) => u.pathname === '/api/figures/rows' && matches(u));
      if (!url) throw new Error('the drill-down has not asked for its rows yet');
      return url;
    },
    { timeout: 15_000 },
  );
  await flushPromises();
  await vi.waitFor(
    () => {
      if (!document.querySelector('[data-testid="drill-total"]')) throw new Error('no rows shown yet');
    },
    { timeout: 15_000 },
  );
  return found;
}

afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

// Mounting the whole page with Element Plus compiled on the fly takes seconds on a shared machine.
describe('数据看板', { timeout: 30_000 }, () => {
  it('shows the KPI totals of the range with their change against the year before', async () => {
    const { wrapper, requests } = await mountDashboard();
    expect(wrapper.find('[data-testid="kpi-value-published"]').text()).toBe('5,750');
    expect(wrapper.find('[data-testid="kpi-value-original"]').text()).toBe('1,299');
    expect(wrapper.find('[data-testid="kpi-value-originalRate"]').text()).toBe('22.6%');
    expect(wrapper.find('[data-testid="kpi-published"]').text()).toContain('较上期 +15.0%');
    expect(wrapper.find('[data-testid="kpi-original"]').text()).toContain('与上期持平');
    expect(wrapper.find('[data-testid="kpi-originalRate"]').text()).toContain('较上期 −2.4 个百分点');
    // A count that rose from nothing has no percentage to show.
    expect(wrapper.find('[data-testid="kpi-staleAccounts"]').text()).toContain('较上期 +1（上期为 0）');
    expect(wrapper.find('[data-testid="kpi-reads"]').text()).toContain('上期无可比数据');
    // Ten times the year before reads as a multiple, not as +900.0%.
    expect(wrapper.find('[data-testid="kpi-forwarded"]').text()).toContain('约为上期的 10 倍');

    const previousQuery = requests.find((u) => u.pathname === '/api/figures' && !u.searchParams.has('by'));
    expect(previousQuery?.searchParams.get('from')).toBe('2024-01-01');
    expect(previousQuery?.searchParams.get('to')).toBe('2024-12-31');
  });

  it('ranks the departments with the 本级 row named as such', async () => {
    const { wrapper } = await mountDashboard();
    const table = wrapper.find('[data-testid="ranking-table"]');
    expect(table.text()).toContain('示范市公安局（本级）');
    expect(wrapper.find('[data-testid="ranking-2-published"]').text()).toBe('5,000');
  });

  it('lists the failing accounts the account matrix shows', async () => {
    const { wrapper } = await mountDashboard();
    expect(wrapper.find('[data-testid="panel-health"]').text()).toContain('采集异常（1）');
  });

  it('opens the rows behind a KPI, for the same subtree and range', async () => {
    const { wrapper, requests } = await mountDashboard();
    await wrapper.find('[data-testid="kpi-value-original"]').trigger('click');
    const drill = await drillRequest(requests, (u) => u.searchParams.get('figure') === 'original');
    expect(Object.fromEntries(drill.searchParams)).toEqual({
      figure: 'original',
      from: '2025-01-01',
      to: '2025-12-31',
      department: '1',
      page: '1',
      pageSize: '20',
    });
    const dialog = document.querySelector('[data-testid="drill-dialog"]')!;
    expect(dialog.textContent).toContain('原创数明细 · 示范市公安局');
    expect(document.querySelector('[data-testid="drill-total"]')?.textContent).toContain('共 1299 条');
    const link = document.querySelector<HTMLAnchorElement>('[data-testid="drill-publications"] a');
    expect(link?.textContent?.trim()).toBe('冬季防火安全提示');
    expect(link?.href).toBe('https://weibo.example/11');
    // Its reads as the cards write counts.
    expect(document.querySelector('[data-testid="drill-publications"]')?.textContent).toContain('1,200');
  });

  it('drills a ranking cell to the department’s own accounts when it is the 本级 row', async () => {
    const { wrapper, requests } = await mountDashboard();
    await wrapper.find('[data-testid="ranking-1-published"]').trigger('click');
    const drill = await drillRequest(requests, (u) => u.searchParams.has('departmentOnly'));
    expect(drill.searchParams.get('department')).toBe('1');
    expect(drill.searchParams.get('departmentOnly')).toBe('true');
    expect(document.querySelector('[data-testid="drill-dialog"]')?.textContent).toContain(
      '示范市公安局（本级）',
    );
  });

  it('says what to do when nothing was published in the range', async () => {
    const { wrapper } = await mountDashboard({ published: 0, original: 0 });
    expect(wrapper.find('[data-testid="dashboard-empty"]').text()).toContain('请换一个时间范围或单位');
    expect(wrapper.find('[data-testid="panel-trend"]').text()).toContain('请选择更长的时间范围');
  });
});
