import type { DictionaryEntry, DictionarySummary } from '@sunlight/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mountView } from '@/testing/mount-view';
import { gateResult, hit } from '@/testing/safety';
import SafetyView from './safety-view.vue';

const summary: DictionarySummary = {
  version: 3,
  counts: { sensitive: 2, wording: 1, domain: 3 },
  unlistedLinkLevel: 'block',
  updatedAt: '2026-11-23T00:00:00.000Z',
};

const entry = (id: number, text: string, overrides: Partial<DictionaryEntry> = {}): DictionaryEntry => ({
  id,
  kind: 'sensitive',
  text,
  level: 'block',
  category: '涉密标识',
  suggestion: null,
  createdBy: null,
  createdAt: '2026-11-23T00:00:00.000Z',
  updatedAt: '2026-11-23T00:00:00.000Z',
  ...overrides,
});

function stubApi() {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url}`);
      if (url.startsWith('/api/safety/dictionary/summary'))
        return Promise.resolve(jsonResponse(200, summary));
      if (url.startsWith('/api/safety/check'))
        return Promise.resolve(
          jsonResponse(
            200,
            gateResult([hit({ start: 2, end: 6, text: '内部资料', term: '内部资料', level: 'block' })]),
          ),
        );
      const items = [entry(1, '内部资料'), entry(2, '据悉', { level: 'warn', createdBy: 'admin' })];
      return Promise.resolve(jsonResponse(200, { items, total: 2, page: 1, pageSize: 20 }));
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('敏感词库 page', () => {
  it('shows the counts of the three dictionaries and the entries of the open one', async () => {
    const calls = stubApi();
    const { wrapper } = await mountView(SafetyView, '/safety');
    await flushPromises();
    expect(wrapper.find('[data-testid="safety-summary"]').text()).toBe('共 6 条 · 版本 3');
    expect(wrapper.find('[data-testid="safety-tabs"]').text()).toContain('敏感词（2）');
    expect(wrapper.find('[data-testid="safety-entry-1"]').text()).toBe('内部资料');
    expect(wrapper.find('[data-testid="safety-table"]').text()).toContain('默认');
    expect(calls).toContain('GET /api/safety/dictionary?kind=sensitive&page=1&pageSize=20');
    expect(wrapper.find('[data-testid="safety-export"]').attributes('href')).toBe(
      '/api/safety/dictionary/export?kind=sensitive',
    );
  });

  it('checks a pasted text and marks what the gate found (试一试)', async () => {
    const calls = stubApi();
    const { wrapper } = await mountView(SafetyView, '/safety');
    await flushPromises();
    await wrapper.find('textarea[data-testid="safety-try-text"]').setValue('这份内部资料请勿外传');
    await wrapper.find('[data-testid="safety-try-check"]').trigger('click');
    await flushPromises();
    expect(calls).toContain('POST /api/safety/check');
    expect(wrapper.find('[data-testid="safety-try-verdict"]').text()).toContain('1 处禁止内容');
    expect(wrapper.find('[data-testid="safety-try"] mark').text()).toBe('内部资料');
  });
});
