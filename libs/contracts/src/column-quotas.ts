import { z } from 'zod';
import { type QuotaPeriod, type QuotaRule, quotaPeriodSchema } from './accounts';
import { idSchema, isoDateSchema } from './common';

// 栏目考核周期: the one place that says which calendar periods a quota is counted over and whether a
// period met it. The quota page, the dashboard's 栏目更新达标率 and the annual report all read this.

const DAY_MS = 24 * 3600 * 1000;

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00.000Z`) / DAY_MS);
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

/** One counting period of a quota: inclusive calendar days (Asia/Shanghai). */
export interface QuotaPeriodSpan {
  start: string;
  end: string;
}

/** The period of `period` kind that contains `day`; weeks run Monday to Sunday. */
export function periodContaining(period: QuotaPeriod, day: string): QuotaPeriodSpan {
  const [y, m] = day.split('-').map(Number) as [number, number];
  switch (period) {
    case 'day':
      return { start: day, end: day };
    case 'week': {
      const n = dayNumber(day);
      // 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
      const monday = n - ((n + 3) % 7);
      return { start: dayString(monday), end: dayString(monday + 6) };
    }
    case 'month':
      return monthSpan(y, m);
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { start: monthSpan(y, first).start, end: monthSpan(y, first + 2).end };
    }
  }
}

function monthSpan(year: number, month: number): QuotaPeriodSpan {
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  const nextStart = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(nextStart, -1) };
}

/**
 * The periods a range counts: every period that starts within [from, to]. A period is credited to the range
 * its first day falls in, so consecutive ranges never count one period twice.
 */
export function periodsStartingIn(period: QuotaPeriod, from: string, to: string): QuotaPeriodSpan[] {
  const spans: QuotaPeriodSpan[] = [];
  let span = periodContaining(period, from);
  if (span.start < from) span = periodContaining(period, addDays(span.end, 1));
  while (span.start <= to) {
    spans.push(span);
    span = periodContaining(period, addDays(span.end, 1));
  }
  return spans;
}

/**
 * How a column did in one period:
 * - `met`: at least the minimum (above a range's maximum still meets it: inspections judge the minimum; the
 *   page shows 超出上限 so the office can see it);
 * - `behind`: the period is still running and the minimum is not reached yet;
 * - `missed`: the period is over and the minimum was not reached.
 */
export const quotaOutcomes = ['met', 'behind', 'missed'] as const;
export const quotaOutcomeSchema = z.enum(quotaOutcomes);
export type QuotaOutcome = z.infer<typeof quotaOutcomeSchema>;

export const quotaOutcomeLabels: Record<QuotaOutcome, string> = {
  met: '达标',
  behind: '进行中·未达标',
  missed: '未达标',
};

export function quotaOutcome(
  rule: QuotaRule,
  done: number,
  span: QuotaPeriodSpan,
  today: string,
): QuotaOutcome {
  if (done >= rule.min) return 'met';
  return span.end >= today ? 'behind' : 'missed';
}

/** A period counts toward 栏目更新达标率 once it is over, or as soon as it is met. */
export function quotaPeriodJudged(outcome: QuotaOutcome): boolean {
  return outcome !== 'behind';
}

// ---- the quota page (栏目更新考核) ----

export const columnQuotaQuerySchema = z.strictObject({
  department: idSchema.optional(),
  /** Inclusive calendar days; the page defaults to the current period and the eleven before it. */
  from: isoDateSchema,
  to: isoDateSchema,
  period: quotaPeriodSchema.optional(),
});
export type ColumnQuotaQuery = z.infer<typeof columnQuotaQuerySchema>;

export const columnQuotaPeriodSchema = z.object({
  start: isoDateSchema,
  end: isoDateSchema,
  done: z.number().int().nonnegative(),
  outcome: quotaOutcomeSchema,
  /** Above the rule's maximum (2–3 per month, 4 published). */
  overMax: z.boolean(),
});
export type ColumnQuotaPeriod = z.infer<typeof columnQuotaPeriodSchema>;

export const columnQuotaRowSchema = z.object({
  columnId: idSchema,
  columnName: z.string(),
  columnCode: z.string(),
  accountId: idSchema,
  accountName: z.string(),
  /** 责任部门: who must keep the column updated (the account's department unless set on the column). */
  responsibleDepartmentId: idSchema,
  responsibleDepartmentName: z.string(),
  rule: z.object({ period: quotaPeriodSchema, min: z.number().int(), max: z.number().int().nullable() }),
  ruleText: z.string(),
  /** Oldest first; the last one may still be running. */
  periods: z.array(columnQuotaPeriodSchema),
});
export type ColumnQuotaRow = z.infer<typeof columnQuotaRowSchema>;

export const columnQuotaReportSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  today: isoDateSchema,
  rows: z.array(columnQuotaRowSchema),
});
export type ColumnQuotaReport = z.infer<typeof columnQuotaReportSchema>;
