import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFiguresStore } from '@/stores/figures';
import { useSessionStore } from '@/stores/session';
import { leaderSession, serveFigures, silentCanvas } from '@/testing/figures';
import { mountView } from '@/testing/mount-view';
import ScreenView from './screen-view.vue';

let mounted: { unmount(): void } | undefined;

async function mountScreen() {
  const requests = serveFigures({
    totals: { published: 5750, original: 1299, staleAccounts: 2 },
    previous: { published: 5000, original: 1400, staleAccounts: 1 },
  });
  const { wrapper } = await mountView(ScreenView, '/screen', {
    routes: [{ path: '/dashboard', name: 'dashboard', component: { template: '<div />' } }],
    setup: (pinia) => {
      useSessionStore(pinia).session = leaderSession;
      useFiguresStore(pinia).chooseRange({ from: '2025-01-01', to: '2025-12-31' });
    },
  });
  await flushPromises();
  mounted = wrapper;
  return { wrapper, requests };
}

const panelOf = (wrapper: Awaited<ReturnType<typeof mountScreen>>['wrapper']) =>
  wrapper.find('[data-testid="screen"]').attributes('data-panel');

beforeEach(() => {
  silentCanvas();
  // Only the intervals are faked: promises and the test utilities' own timers run as usual.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});

afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('大屏', { timeout: 30_000 }, () => {
  it('shows the subtree’s KPIs large, with the way each moved since the last period', async () => {
    const { wrapper } = await mountScreen();
    expect(wrapper.find('h1').text()).toBe('示范市公安局新媒体运营数据');
    expect(wrapper.find('[data-testid="screen-kpi-published"]').text()).toContain('5,750');
    expect(wrapper.find('[data-testid="screen-kpi-published"] .screen-kpis__change--good').text()).toBe('▲');
    expect(wrapper.find('[data-testid="screen-kpi-original"] .screen-kpis__change--bad').text()).toBe('▼');
    // More 超期未更新账号 than before is bad news, even though the number went up.
    expect(wrapper.find('[data-testid="screen-kpi-staleAccounts"] .screen-kpis__change--bad').text()).toBe(
      '▲',
    );
    expect(wrapper.find('[data-testid="screen-kpi-failing"]').text()).toContain('1');
  });

  it('turns to the next panel every 15 seconds, and gives a panel picked by hand its full time', async () => {
    const { wrapper } = await mountScreen();
    expect(panelOf(wrapper)).toBe('trend');
    vi.advanceTimersByTime(15_000);
    await flushPromises();
    expect(panelOf(wrapper)).toBe('ranking');
    vi.advanceTimersByTime(5_000);
    await wrapper.findAll('.screen__tabs button')[3]!.trigger('click');
    expect(panelOf(wrapper)).toBe('quota');
    vi.advanceTimersByTime(14_000);
    await flushPromises();
    expect(panelOf(wrapper)).toBe('quota');
    vi.advanceTimersByTime(1_000);
    await flushPromises();
    expect(panelOf(wrapper)).toBe('health');
    vi.advanceTimersByTime(15_000);
    await flushPromises();
    expect(panelOf(wrapper)).toBe('trend');
  });

  it('reads the figures again every minute', async () => {
    const { requests } = await mountScreen();
    const reads = () => requests.filter((u) => u.pathname === '/api/figures').length;
    const first = reads();
    expect(first).toBeGreaterThan(0);
    vi.advanceTimersByTime(59_000);
    await flushPromises();
    expect(reads()).toBe(first);
    vi.advanceTimersByTime(1_000);
    await flushPromises();
    expect(reads()).toBe(first * 2);
  });
});
