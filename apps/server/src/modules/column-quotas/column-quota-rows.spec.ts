import { describe, expect, it } from 'vitest';
import { countsByColumn, lastCountedDay, quotaColumns, quotaRow } from './column-quota-rows';
import { type QuotaColumnRow } from './column-quotas.repository';

function column(over: Partial<QuotaColumnRow> = {}): QuotaColumnRow {
  return {
    id: 7,
    code: 'jfts',
    name: '警方提示',
    accountId: 3,
    accountName: '市局网站',
    rule: { period: 'month', min: 2, max: 3 },
    responsibleDepartmentId: 1,
    responsibleDepartmentName: '市局',
    ...over,
  };
}

const quotaColumn = (c: QuotaColumnRow, from: string, to: string, today: string) =>
  quotaColumns([c], from, to, today)[0]!;

describe('quotaColumns', () => {
  it('assesses only the periods that have begun by today', () => {
    const c = quotaColumn(column(), '2026-09-01', '2026-12-31', '2026-11-23');
    expect(c.spans.map((s) => s.start)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
  });

  it('gives each column the periods of its own rule', () => {
    const [monthly, weekly, alsoMonthly] = quotaColumns(
      [column(), column({ id: 8, rule: { period: 'week', min: 1, max: null } }), column({ id: 9 })],
      '2026-10-01',
      '2026-10-31',
      '2026-11-23',
    );
    expect(monthly!.spans).toEqual([{ start: '2026-10-01', end: '2026-10-31' }]);
    expect(weekly!.spans.map((s) => s.start)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
    ]);
    expect(alsoMonthly!.spans).toEqual(monthly!.spans);
  });

  it('counts to the end of the last period, past the range', () => {
    const c = quotaColumn(
      column({ rule: { period: 'week', min: 1, max: null } }),
      '2026-11-01',
      '2026-11-23',
      '2026-11-23',
    );
    expect(lastCountedDay([c], '2026-11-23')).toBe('2026-11-29');
    expect(lastCountedDay([], '2026-11-23')).toBe('2026-11-23');
  });
});

describe('quotaRow', () => {
  const days = countsByColumn([
    { columnId: 7, day: '2026-10-02', count: 3 },
    { columnId: 7, day: '2026-10-30', count: 1 },
    { columnId: 7, day: '2026-11-05', count: 1 },
    { columnId: 8, day: '2026-10-05', count: 9 },
  ]);

  it('adds the days of each period and judges it', () => {
    const c = quotaColumn(column(), '2026-09-01', '2026-11-23', '2026-11-23');
    const row = quotaRow(c, days.get(7), '2026-11-23');
    expect(row.periods.map((p) => [p.start, p.done, p.outcome, p.overMax])).toEqual([
      ['2026-09-01', 0, 'missed', false],
      ['2026-10-01', 4, 'met', true],
      ['2026-11-01', 1, 'behind', false],
    ]);
    expect(row).toMatchObject({
      ruleText: '每月2–3条',
      accountName: '市局网站',
      responsibleDepartmentId: 1,
      responsibleDepartmentName: '市局',
    });
  });

  it('adds each count to its own week whatever order the counts come in, skipping days outside every week', () => {
    const weekly = quotaColumn(
      column({ rule: { period: 'week', min: 2, max: null } }),
      '2026-11-04',
      '2026-11-23',
      '2026-11-23',
    );
    const shuffled = countsByColumn([
      { columnId: 7, day: '2026-11-16', count: 1 },
      { columnId: 7, day: '2026-11-03', count: 5 }, // the week of 11-02 starts before the range
      { columnId: 7, day: '2026-11-15', count: 2 },
      { columnId: 7, day: '2026-11-09', count: 1 },
      { columnId: 7, day: '2026-11-30', count: 4 }, // after the last week counted
      { columnId: 7, day: '2026-11-16', count: 1 }, // the same day again: it adds up
    ]);
    const row = quotaRow(weekly, shuffled.get(7), '2026-11-23');
    expect(row.periods.map((p) => [p.start, p.done, p.outcome])).toEqual([
      ['2026-11-09', 3, 'met'],
      ['2026-11-16', 2, 'met'],
      ['2026-11-23', 0, 'behind'],
    ]);
  });

  it('names the responsible department when one is set, and counts nothing for a silent column', () => {
    const c = quotaColumn(
      column({ responsibleDepartmentId: 5, responsibleDepartmentName: '东城分局' }),
      '2026-11-01',
      '2026-11-23',
      '2026-11-23',
    );
    const row = quotaRow(c, undefined, '2026-11-23');
    expect(row.responsibleDepartmentName).toBe('东城分局');
    expect(row.periods).toEqual([
      { start: '2026-11-01', end: '2026-11-30', done: 0, outcome: 'behind', overMax: false },
    ]);
  });
});
