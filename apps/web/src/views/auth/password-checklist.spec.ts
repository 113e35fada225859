import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/locales';
import PasswordChecklist from './password-checklist.vue';

const render = (password: string, username = 'zhangsan') =>
  mount(PasswordChecklist, { props: { password, username }, global: { plugins: [i18n] } });
const met = (wrapper: ReturnType<typeof render>, problem: string) =>
  wrapper.find(`[data-testid="policy-${problem}"]`).attributes('data-met');

describe('password checklist', () => {
  it('marks nothing as met before anything is typed', () => {
    const wrapper = render('');
    expect(met(wrapper, 'tooShort')).toBe('false');
    expect(met(wrapper, 'containsUsername')).toBe('false');
    expect(wrapper.text()).toContain('密码至少 10 位');
  });

  it('follows the policy from contracts as the password grows', () => {
    const short = render('Abc-12');
    expect(met(short, 'tooShort')).toBe('false');
    expect(met(short, 'tooFewClasses')).toBe('true');

    const good = render('Sunlight-2024');
    expect(['tooShort', 'tooFewClasses', 'containsUsername'].map((p) => met(good, p))).toEqual([
      'true',
      'true',
      'true',
    ]);
  });

  it('catches the username inside the password, whatever the case', () => {
    expect(met(render('ZhangSan-2024!'), 'containsUsername')).toBe('false');
  });

  it('shows the length limit only when it is broken', () => {
    expect(render('Aa1-aaaaaaaa').find('[data-testid="policy-tooLong"]').exists()).toBe(false);
    expect(
      render(`Aa1-${'a'.repeat(130)}`)
        .find('[data-testid="policy-tooLong"]')
        .exists(),
    ).toBe(true);
  });
});
