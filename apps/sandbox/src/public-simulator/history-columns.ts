// Portal history by column: each column is kept up to date against its update quota (栏目更新要求), as the
// office that owns it would — most keep their quota in almost every period, and a column marked as not
// keeping it falls short in most periods, as the one column an inspection always finds behind.
import { z } from 'zod';
import type { Rng } from '../core/rng';
import { DAY_MS, parseYmd, ymd } from '../core/time';
import { daysOf, timesWithin, type Rhythm } from './history-rhythm';

export const quotaInput = z.object({
  period: z.enum(['day', 'week', 'month', 'quarter']),
  min: z.number().int().min(0).max(100),
  max: z.number().int().min(0).max(1000).nullable().default(null),
});
export type Quota = z.infer<typeof quotaInput>;

export const columnPlanInput = z.object({
  code: z.string().min(1),
  quota: quotaInput.nullable().default(null),
  /** false: the column usually falls short of its quota. */
  keepsQuota: z.boolean().default(true),
  /** Articles a period on average when the column keeps its quota (default half again the minimum). */
  mean: z.number().positive().max(1000).optional(),
});
export type ColumnPlan = z.infer<typeof columnPlanInput>;

/** A kept quota is still missed now and then (leave, a holiday week). */
const MISS_CHANCE = 0.04;
/** A column that does not keep its quota gets this share of the minimum on average. */
const LAGGING_SHARE = 0.45;
/** Columns without a quota: articles a month. */
const UNQUOTED_PER_MONTH = 2;

/** Beijing midnight of the first day of the period containing `day` (weeks start on Monday). */
export function periodStart(period: Quota['period'], day: number): number {
  const [y, m] = ymd(day).split('-').map(Number) as [number, number];
  switch (period) {
    case 'day':
      return day;
    case 'week': {
      const weekday = new Date(day + 8 * 3600_000).getUTCDay();
      return day - ((weekday + 6) % 7) * DAY_MS;
    }
    case 'month':
      return parseYmd(`${y}-${String(m).padStart(2, '0')}-01`)!;
    case 'quarter':
      return parseYmd(`${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`)!;
  }
}

/** The periods overlapping [from, to], each as its days. */
export function periodsOf(period: Quota['period'], from: number, to: number): number[][] {
  const byStart = new Map<number, number[]>();
  for (const d of daysOf(periodStart(period, from), to)) {
    const start = periodStart(period, d);
    byStart.set(start, [...(byStart.get(start) ?? []), d]);
  }
  return [...byStart.values()];
}

function countFor(rng: Rng, plan: ColumnPlan & { quota: Quota }): number {
  const { min, max } = plan.quota;
  if (!plan.keepsQuota) return rng.poisson(min * LAGGING_SHARE);
  if (min > 0 && rng.chance(MISS_CHANCE)) return min - 1;
  const n = min + rng.poisson(Math.max(0.5, (plan.mean ?? min * 1.5) - min));
  return max === null ? n : Math.min(n, max);
}

/**
 * Each column's articles, period by period; a period's days before `from` or after `to` are not written
 * (the range's first and current periods are partial).
 */
export function columnTimes(rng: Rng, r: Rhythm, plans: ColumnPlan[]): { at: number; column: string }[] {
  const out: { at: number; column: string }[] = [];
  for (const plan of plans) {
    const quota = plan.quota;
    const periods = periodsOf(quota?.period ?? 'month', r.from, r.to);
    for (const days of periods) {
      const n = quota ? countFor(rng, { ...plan, quota }) : rng.poisson(UNQUOTED_PER_MONTH);
      // Drawn over the whole period, then cut to the range, so a partial period gets its share.
      const inPeriod: Rhythm = { ...r, from: days[0]!, to: days[days.length - 1]! + DAY_MS - 1 };
      for (const at of timesWithin(rng, inPeriod, days, n))
        if (at >= r.from && at <= r.to) out.push({ at, column: plan.code });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
