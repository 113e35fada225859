import { channelLabels, type FigureResult } from '@sunlight/contracts';
import type { ChartDrill } from '@/charts/options/drill';

export type FigureNames = FigureResult['names'];

/** A drill-down to open: what it counts and the title that says so. */
export interface DrillRequest extends ChartDrill {
  /** 原创数明细 · 东城分局 · 2025年3月 */
  title: string;
}

/**
 * What a drill-down is narrowed to, as words for its title: 东城分局 · 政务微博 · 2025年3月. The subtree and
 * range of the whole page are said elsewhere; only the clicked element's own key is named here.
 */
export function drillContext(
  drill: ChartDrill,
  names: FigureNames,
  words: { own: string; month: (year: string, month: number) => string },
): string[] {
  const { key } = drill;
  const parts: string[] = [];
  if (key.department !== undefined) {
    const name = names.departments[String(key.department)] ?? String(key.department);
    parts.push(drill.departmentOnly ? `${name}${words.own}` : name);
  }
  if (key.account !== undefined) parts.push(names.accounts[String(key.account)]?.name ?? String(key.account));
  if (key.channel !== undefined) parts.push(channelLabels[key.channel]);
  if (key.column !== undefined) parts.push(names.columns[String(key.column)] ?? String(key.column));
  if (key.month !== undefined) parts.push(words.month(key.month.slice(0, 4), Number(key.month.slice(5, 7))));
  return parts;
}

/** The names of every answer on the page, so any clicked key can be named. */
export function mergeNames(
  results: readonly (FigureResult | null)[],
  extraAccounts: readonly { id: number; name: string; channel: FigureNames['accounts'][string]['channel'] }[],
): FigureNames {
  const merged: FigureNames = { departments: {}, accounts: {}, columns: {} };
  for (const r of results) {
    if (!r) continue;
    Object.assign(merged.departments, r.names.departments, { [String(r.department.id)]: r.department.name });
    Object.assign(merged.accounts, r.names.accounts);
    Object.assign(merged.columns, r.names.columns);
  }
  for (const a of extraAccounts) merged.accounts[String(a.id)] ??= { name: a.name, channel: a.channel };
  return merged;
}
