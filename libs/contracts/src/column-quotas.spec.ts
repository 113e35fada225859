import { describe, expect, it } from 'vitest';
import { periodContaining, periodsStartingIn, quotaOutcome } from './column-quotas';

describe('quota periods', () => {
  it('runs weeks Monday to Sunday, also across a year end', () => {
    // 2025-12-31 is a Wednesday.
    expect(periodContaining('week', '2025-12-31')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(periodContaining('week', '2026-01-04')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(periodContaining('week', '2026-01-05')).toEqual({ start: '2026-01-05', end: '2026-01-11' });
  });

  it('knows month lengths and quarters, February of a leap year included', () => {
    expect(periodContaining('month', '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodContaining('month', '2025-12-31')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(periodContaining('quarter', '2025-08-15')).toEqual({ start: '2025-07-01', end: '2025-09-30' });
  });

  it('credits a period to the range its first day falls in, so adjacent ranges never share one', () => {
    const jan = periodsStartingIn('week', '2025-01-01', '2025-01-31');
    const feb = periodsStartingIn('week', '2025-02-01', '2025-02-28');
    // 2025-01-01 is a Wednesday: the week of 2024-12-30 belongs to December.
    expect(jan.map((s) => s.start)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27']);
    expect(feb[0]).toEqual({ start: '2025-02-03', end: '2025-02-09' });
    expect(periodsStartingIn('month', '2025-01-01', '2025-12-31')).toHaveLength(12);
    expect(periodsStartingIn('day', '2025-03-01', '2025-03-01')).toEqual([
      { start: '2025-03-01', end: '2025-03-01' },
    ]);
  });

  it('judges a running period as behind, an ended one as missed, and the minimum as met', () => {
    const rule = { period: 'month' as const, min: 2, max: 3 };
    const span = { start: '2025-06-01', end: '2025-06-30' };
    expect(quotaOutcome(rule, 1, span, '2025-06-20')).toBe('behind');
    expect(quotaOutcome(rule, 1, span, '2025-07-01')).toBe('missed');
    expect(quotaOutcome(rule, 2, span, '2025-06-02')).toBe('met');
    expect(quotaOutcome(rule, 5, span, '2025-07-01')).toBe('met');
  });
});
