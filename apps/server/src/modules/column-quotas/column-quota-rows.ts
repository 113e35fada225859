import {
  type ColumnQuotaRow,
  describeQuota,
  periodsStartingIn,
  type QuotaPeriod,
  type QuotaPeriodSpan,
  quotaOutcome,
} from '@sunlight/contracts';
import { type ColumnDayCount, type QuotaColumnRow } from './column-quotas.repository';

/** An assessed column with the periods of its rule that a range assesses. */
export interface QuotaColumn {
  column: QuotaColumnRow;
  spans: readonly QuotaPeriodSpan[];
}

/** One day's count of a column: [YYYY-MM-DD, published]. */
export type DayCount = readonly [day: string, count: number];

/**
 * Each column with the periods of its rule that start within [from, to], leaving out those that have not
 * begun by `today`: a period that has not started is not assessed yet. Columns of one period kind share
 * one list of periods, worked out once.
 */
export function quotaColumns(
  columns: readonly QuotaColumnRow[],
  from: string,
  to: string,
  today: string,
): QuotaColumn[] {
  const spans = new Map<QuotaPeriod, QuotaPeriodSpan[]>();
  const last = to < today ? to : today;
  return columns.map((column) => {
    const { period } = column.rule;
    const known = spans.get(period) ?? periodsStartingIn(period, from, last);
    spans.set(period, known);
    return { column, spans: known };
  });
}

/** The last day any of the columns' periods covers, so one count reaches to the end of every period. */
export function lastCountedDay(columns: readonly QuotaColumn[], fallback: string): string {
  let last = fallback;
  // Periods are in order and columns of one kind share their list: the last period of each list decides.
  for (const spans of new Set(columns.map((c) => c.spans))) {
    const end = spans.at(-1)?.end;
    if (end !== undefined && end > last) last = end;
  }
  return last;
}

/** Per column id, its daily counts in day order. */
export function countsByColumn(counts: readonly ColumnDayCount[]): Map<number, DayCount[]> {
  const byColumn = new Map<number, DayCount[]>();
  for (const c of counts) {
    const days = byColumn.get(c.columnId) ?? [];
    days.push([c.day, c.count]);
    byColumn.set(c.columnId, days);
  }
  for (const days of byColumn.values()) days.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return byColumn;
}

/**
 * Done vs target per period of one column, the outcome judged with today's Shanghai date. Periods and
 * days are both in order, so one pass over the days adds each to its period.
 */
export function quotaRow(
  { column: c, spans }: QuotaColumn,
  days: readonly DayCount[] = [],
  today: string,
): ColumnQuotaRow {
  let next = 0;
  return {
    columnId: c.id,
    columnName: c.name,
    columnCode: c.code,
    accountId: c.accountId,
    accountName: c.accountName,
    responsibleDepartmentId: c.responsibleDepartmentId,
    responsibleDepartmentName: c.responsibleDepartmentName,
    rule: c.rule,
    ruleText: describeQuota(c.rule),
    periods: spans.map((span) => {
      let done = 0;
      while (next < days.length && days[next]![0] < span.start) next++;
      for (; next < days.length && days[next]![0] <= span.end; next++) done += days[next]![1];
      return {
        start: span.start,
        end: span.end,
        done,
        outcome: quotaOutcome(c.rule, done, span, today),
        overMax: c.rule.max !== null && done > c.rule.max,
      };
    }),
  };
}
