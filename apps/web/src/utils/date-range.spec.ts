import { describe, expect, it } from 'vitest';
import { dayCount, monthsBetween, presetRange, previousRange, shiftMonths } from './date-range';

const today = '2026-11-23';

describe('range presets', () => {
  it('ends this month, quarter and year today, and takes the whole of last year', () => {
    expect(presetRange('month', today)).toEqual({ from: '2026-11-01', to: today });
    expect(presetRange('quarter', today)).toEqual({ from: '2026-10-01', to: today });
    expect(presetRange('year', today)).toEqual({ from: '2026-01-01', to: today });
    expect(presetRange('lastYear', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('starts each quarter in its first month', () => {
    expect(presetRange('quarter', '2026-01-01').from).toBe('2026-01-01');
    expect(presetRange('quarter', '2026-03-31').from).toBe('2026-01-01');
    expect(presetRange('quarter', '2026-04-15').from).toBe('2026-04-01');
    expect(presetRange('quarter', '2026-09-30').from).toBe('2026-07-01');
    expect(presetRange('quarter', '2026-12-31').from).toBe('2026-10-01');
  });

  it('crosses the new year for last year on 1 January', () => {
    expect(presetRange('lastYear', '2027-01-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('the previous period of the same length', () => {
  it('steps a preset back by one of its own units, to date', () => {
    expect(previousRange(presetRange('month', today), 'month')).toEqual({
      from: '2026-10-01',
      to: '2026-10-23',
    });
    expect(previousRange(presetRange('quarter', today), 'quarter')).toEqual({
      from: '2026-07-01',
      to: '2026-08-23',
    });
    expect(previousRange(presetRange('year', today), 'year')).toEqual({
      from: '2025-01-01',
      to: '2025-11-23',
    });
    expect(previousRange(presetRange('lastYear', today), 'lastYear')).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });

  it('keeps a month end a month end and clamps a day the shorter month lacks', () => {
    expect(shiftMonths('2026-03-31', 1)).toBe('2026-02-28');
    expect(shiftMonths('2024-03-31', 1)).toBe('2024-02-29');
    expect(shiftMonths('2026-11-30', 1)).toBe('2026-10-31');
    expect(shiftMonths('2026-03-30', 1)).toBe('2026-02-28');
    expect(shiftMonths('2026-01-15', 1)).toBe('2025-12-15');
    expect(shiftMonths('2026-05-15', 14)).toBe('2025-03-15');
  });

  it('steps a custom range of whole months back by as many months', () => {
    expect(previousRange({ from: '2025-04-01', to: '2025-06-30' }, 'custom')).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expect(previousRange({ from: '2025-01-01', to: '2025-12-31' }, 'custom')).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });

  it('steps any other custom range back by its length in days, ending the day before it starts', () => {
    const range = { from: '2025-03-10', to: '2025-03-16' };
    const previous = previousRange(range, 'custom');
    expect(previous).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(dayCount(previous)).toBe(dayCount(range));
    expect(previousRange({ from: '2025-03-01', to: '2025-03-01' }, 'custom')).toEqual({
      from: '2025-02-28',
      to: '2025-02-28',
    });
  });
});

describe('months of a range', () => {
  it('lists every month touched, across a new year', () => {
    expect(monthsBetween({ from: '2025-11-20', to: '2026-02-03' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween({ from: '2025-01-01', to: '2025-12-31' })).toHaveLength(12);
    expect(monthsBetween({ from: '2025-05-05', to: '2025-05-06' })).toEqual(['2025-05']);
  });

  it('counts days inclusively', () => {
    expect(dayCount({ from: '2025-01-01', to: '2025-12-31' })).toBe(365);
    expect(dayCount({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
  });
});
