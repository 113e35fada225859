import {
  addDays,
  type ColumnQuotaPeriod,
  type ColumnQuotaRow,
  periodContaining,
  type QuotaPeriod,
  type QuotaPeriodSpan,
} from '@sunlight/contracts';

// The quota page's arithmetic: which days to ask for, which periods a row shows in which order, and how a
// period is named and coloured. Periods themselves come from libs/contracts (periodContaining).

/** The current period and the eleven before it. */
export const shownPeriods = 12;

/**
 * The days that hold the current period of `kind` and the `count - 1` before it. With every kind on the
 * page the longest (quarters) sets the range; each row then shows its own last `count` periods.
 */
export function quotaWindow(
  kind: QuotaPeriod | undefined,
  today: string,
  count = shownPeriods,
): { from: string; to: string } {
  const period = kind ?? 'quarter';
  let span = periodContaining(period, today);
  for (let i = 1; i < count; i++) span = periodContaining(period, addDays(span.start, -1));
  return { from: span.start, to: today };
}

/** The row's last `count` periods, the current one first. */
export function recentPeriods(row: ColumnQuotaRow, count = shownPeriods): ColumnQuotaPeriod[] {
  return row.periods.slice(-count).reverse();
}

/** The spans of one kind the page shows, the current one first: the headers when one kind is filtered. */
export function recentSpans(kind: QuotaPeriod, today: string, count = shownPeriods): QuotaPeriodSpan[] {
  const spans = [periodContaining(kind, today)];
  while (spans.length < count)
    spans.push(periodContaining(kind, addDays(spans[spans.length - 1]!.start, -1)));
  return spans;
}

/** A message key of locales/zh-CN/column-quotas.ts with its values, so the words stay in the locale. */
export interface PeriodName {
  key: `columnQuotas.periodName.${QuotaPeriod}`;
  values: Record<string, number>;
}

/** 11月23日 · 11月16日–22日 · 2026年11月 · 2026年第4季度. */
export function periodName(kind: QuotaPeriod, span: QuotaPeriodSpan): PeriodName {
  const [year, month, day] = span.start.split('-').map(Number) as [number, number, number];
  const [, endMonth, endDay] = span.end.split('-').map(Number) as [number, number, number];
  const values: Record<string, number> = { year, month, day, endMonth, endDay };
  if (kind === 'quarter') values.quarter = Math.floor((month - 1) / 3) + 1;
  return { key: `columnQuotas.periodName.${kind}`, values };
}

/** Green when met, red while behind or once missed (the inspection judges the minimum). */
export function periodTone(p: ColumnQuotaPeriod): 'met' | 'short' {
  return p.outcome === 'met' ? 'met' : 'short';
}

/** 已更新/要求: `3/2`, with a range's maximum `4/2–3`. */
export function doneOfTarget(p: ColumnQuotaPeriod, rule: ColumnQuotaRow['rule']): string {
  const target = rule.max !== null && rule.max !== rule.min ? `${rule.min}–${rule.max}` : `${rule.min}`;
  return `${p.done}/${target}`;
}
