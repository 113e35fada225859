import { addDays } from '@sunlight/contracts';

/**
 * Which rollup rows cover the days from..to: whole calendar years from the yearly rows (one per account and
 * column), whole months around them from the monthly rows, the days of a month cut by the range from the
 * daily rows.
 */
export interface RollupCover {
  /** First and last whole year (YYYY), or null when the range holds none or years are not wanted. */
  years: [string, string] | null;
  /** At most two runs of whole months (YYYY-MM, inclusive): before and after the whole years. */
  months: Array<[string, string]>;
  /** At most two runs of days (YYYY-MM-DD, inclusive): the cut months at either end. */
  days: Array<[string, string]>;
}

/** `years: false` when the figures are broken down by month, which yearly rows cannot give. */
export function rollupCover(from: string, to: string, { years = true } = {}): RollupCover {
  const firstYear = from.endsWith('-01-01') ? Number(from.slice(0, 4)) : Number(from.slice(0, 4)) + 1;
  const lastYear = to.endsWith('-12-31') ? Number(to.slice(0, 4)) : Number(to.slice(0, 4)) - 1;
  if (!years || firstYear > lastYear) return { years: null, ...monthCover(from, to) };
  const before = monthCover(from, `${firstYear - 1}-12-31`);
  const after = monthCover(`${lastYear + 1}-01-01`, to);
  return {
    years: [String(firstYear), String(lastYear)],
    months: [...before.months, ...after.months],
    days: [...before.days, ...after.days],
  };
}

/** Whole months and cut days of from..to (nothing when from is after to). */
function monthCover(from: string, to: string): Pick<RollupCover, 'months' | 'days'> {
  if (from > to) return { months: [], days: [] };
  const firstWhole = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const lastWhole = monthEnd(to.slice(0, 7)) === to ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  if (firstWhole > lastWhole) return { months: [], days: [[from, to]] };
  const days: Array<[string, string]> = [];
  if (from < `${firstWhole}-01`) days.push([from, addDays(`${firstWhole}-01`, -1)]);
  if (to > monthEnd(lastWhole)) days.push([`${nextMonth(lastWhole)}-01`, to]);
  return { months: [[firstWhole, lastWhole]], days };
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last day (YYYY-MM-DD) of a month. */
export function monthEnd(month: string): string {
  return addDays(`${nextMonth(month)}-01`, -1);
}
