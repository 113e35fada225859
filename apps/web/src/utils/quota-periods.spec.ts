import { type ColumnQuotaPeriod, type ColumnQuotaRow } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-CN';
import {
  doneOfTarget,
  periodName,
  periodTone,
  quotaWindow,
  recentPeriods,
  recentSpans,
} from './quota-periods';

const period = (start: string, done: number, outcome: ColumnQuotaPeriod['outcome']): ColumnQuotaPeriod => ({
  start,
  end: start,
  done,
  outcome,
  overMax: false,
});

describe('quotaWindow', () => {
  it('reaches back to the start of the eleventh period before the current one', () => {
    expect(quotaWindow('month', '2026-11-23')).toEqual({ from: '2025-12-01', to: '2026-11-23' });
    // 2026-11-23 is a Monday: its week and the eleven before it.
    expect(quotaWindow('week', '2026-11-23')).toEqual({ from: '2026-09-07', to: '2026-11-23' });
    expect(quotaWindow('day', '2026-03-01', 3)).toEqual({ from: '2026-02-27', to: '2026-03-01' });
  });

  it('takes quarters, the longest kind, when every kind is on the page', () => {
    expect(quotaWindow(undefined, '2026-11-23')).toEqual({ from: '2024-01-01', to: '2026-11-23' });
  });
});

describe('recentPeriods and recentSpans', () => {
  it('put the current period first and keep at most twelve', () => {
    const periods = Array.from({ length: 14 }, (_, i) =>
      period(`2026-01-${String(i + 1).padStart(2, '0')}`, i, 'met'),
    );
    const row = { periods } as ColumnQuotaRow;
    const recent = recentPeriods(row);
    expect(recent).toHaveLength(12);
    expect(recent[0]!.start).toBe('2026-01-14');
    expect(recent[11]!.start).toBe('2026-01-03');
  });

  it('name the spans of one kind back from today', () => {
    const spans = recentSpans('quarter', '2026-11-23', 3);
    expect(spans.map((s) => s.start)).toEqual(['2026-10-01', '2026-07-01', '2026-04-01']);
  });
});

describe('periodName', () => {
  it('gives each kind the values its Chinese name needs', () => {
    expect(periodName('week', { start: '2026-11-16', end: '2026-11-22' })).toEqual({
      key: 'columnQuotas.periodName.week',
      values: { year: 2026, month: 11, day: 16, endMonth: 11, endDay: 22 },
    });
    expect(periodName('quarter', { start: '2026-10-01', end: '2026-12-31' }).values.quarter).toBe(4);
    for (const kind of ['day', 'week', 'month', 'quarter'] as const)
      expect(zhCN.columnQuotas.periodName[kind]).toBeTypeOf('string');
  });
});

describe('periodTone and doneOfTarget', () => {
  it('is green only when met; red while behind and once missed', () => {
    expect(periodTone(period('2026-11-01', 3, 'met'))).toBe('met');
    expect(periodTone(period('2026-11-01', 0, 'behind'))).toBe('short');
    expect(periodTone(period('2026-10-01', 1, 'missed'))).toBe('short');
  });

  it('shows done against the minimum, or against a range', () => {
    const p = period('2026-11-01', 4, 'met');
    expect(doneOfTarget(p, { period: 'month', min: 2, max: 3 })).toBe('4/2–3');
    expect(doneOfTarget(p, { period: 'week', min: 2, max: null })).toBe('4/2');
    expect(doneOfTarget(p, { period: 'day', min: 7, max: 7 })).toBe('4/7');
  });
});
