import { describe, expect, it } from 'vitest';
import { quotaDraftOf, quotaRuleOf, quotaText } from './column-quota';

describe('column quota', () => {
  it('words the rule being edited as inspections do', () => {
    expect(quotaText({ period: 'day', min: 7, max: 7 })).toBe('每日7条');
    expect(quotaText({ period: 'month', min: 1, max: undefined })).toBe('每月至少1条');
    expect(quotaText({ period: 'month', min: 2, max: 3 })).toBe('每月2–3条');
    expect(quotaText({ period: 'none', min: 1, max: undefined })).toBe('不考核');
    expect(quotaText({ period: 'week', min: 3, max: 2 })).toBe('');
  });

  it('round-trips between the stored rule and the form', () => {
    expect(quotaRuleOf(quotaDraftOf({ period: 'quarter', min: 1, max: null }))).toEqual({
      period: 'quarter',
      min: 1,
      max: null,
    });
    expect(quotaRuleOf(quotaDraftOf(null))).toBeNull();
  });
});
