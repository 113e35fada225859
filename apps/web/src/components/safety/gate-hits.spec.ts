import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/locales';
import { hit } from '@/testing/safety';
import GateHits from './gate-hits.vue';

async function render(text: string, hits: ReturnType<typeof hit>[]) {
  const wrapper = mount(GateHits, { props: { text, hits, label: '正文' }, global: { plugins: [i18n] } });
  await flushPromises();
  return wrapper;
}

describe('gate-hits', () => {
  it('marks hits in place, overlapping ones as one mark as serious as the worst', async () => {
    const wrapper = await render('这份内部资料请勿外传', [
      hit({ start: 2, end: 6, text: '内部资料', term: '内部资料', level: 'block' }),
      hit({ start: 4, end: 6, text: '资料', term: '资料' }),
    ]);
    const marks = wrapper.findAll('mark');
    expect(marks.map((m) => [m.text(), m.attributes('data-level')])).toEqual([['内部资料', 'block']]);
    expect(marks[0]!.attributes('title')).toMatch(/^敏感词「内部资料」/);
    expect(wrapper.find('[data-testid="gate-hits-text"]').text()).toBe('这份内部资料请勿外传');
    expect(wrapper.find('[data-testid="gate-hits-list"]').exists()).toBe(true);
  });

  it('does not mark a link found in the HTML inside the plain text', async () => {
    const wrapper = await render('详见链接', [
      hit({ source: 'html', start: 0, end: 4, kind: 'domain', level: 'block' }),
    ]);
    expect(wrapper.findAll('mark')).toHaveLength(0);
    expect(wrapper.find('[data-testid="gate-hits-list"]').text()).toContain('非法外链');
  });

  it('says so when nothing was found', async () => {
    const wrapper = await render('市公安局召开会议', []);
    expect(wrapper.find('[data-testid="gate-hits-none"]').text()).toBe('未发现问题');
  });
});
