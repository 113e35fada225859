import { addDays } from './calendar-grid';

/** The range pickers of the dashboard: 本月, 本季度, 本年, 去年, 自定义. */
export const rangePresets = ['month', 'quarter', 'year', 'lastYear', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];

/** Inclusive calendar days in Beijing time, as GET /api/figures takes them. */
export interface DateRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** Periods to date end today: this month's figures on the 23rd cover the 1st to the 23rd. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  const [year, month] = parts(today);
  switch (preset) {
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: today };
    case 'quarter':
      return { from: `${year}-${pad(month - ((month - 1) % 3))}-01`, to: today };
    case 'year':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** The same day n months earlier, clamped to that month's end; a month's last day stays a last day. */
export function shiftMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) - n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = lastDayOf(year, month);
  const keepLast = d === lastDayOf(y, m);
  return `${year}-${pad(month)}-${pad(keepLast ? last : Math.min(d, last))}`;
}

export function dayCount(range: DateRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
}

/** Whole calendar months: from a 1st to a month's last day. */
function monthSpan(range: DateRange): number | null {
  const [fy, fm, fd] = parts(range.from);
  const [ty, tm, td] = parts(range.to);
  if (fd !== 1 || td !== lastDayOf(ty, tm)) return null;
  return (ty - fy) * 12 + (tm - fm) + 1;
}

const presetMonths = { month: 1, quarter: 3, year: 12, lastYear: 12 } as const;

/**
 * 环比: the period of the same length just before. A preset steps back one of its own units (本月 1–23 日
 * against last month's 1–23 日, 去年 against the year before), so calendar periods meet calendar periods;
 * a custom range of whole months steps back as many months; any other range, as many days.
 */
export function previousRange(range: DateRange, preset: RangePreset): DateRange {
  const months = preset === 'custom' ? monthSpan(range) : presetMonths[preset];
  if (months !== null) return { from: shiftMonths(range.from, months), to: shiftMonths(range.to, months) };
  const days = dayCount(range);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** Every month the range touches, YYYY-MM, in order. */
export function monthsBetween(range: DateRange): string[] {
  const [fy, fm] = parts(range.from);
  const [ty, tm] = parts(range.to);
  const months: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++)
    months.push(`${Math.floor(i / 12)}-${pad((i % 12) + 1)}`);
  return months;
}
