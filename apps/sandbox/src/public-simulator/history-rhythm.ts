// When a government office publishes: more on working days than at weekends, in office hours and the
// evening, and some weeks more than others. Days are Beijing days; every instant is epoch ms.
import type { Rng } from '../core/rng';
import { DAY_MS } from '../core/time';

const CST_MS = 8 * 3600_000;
const MAX_GAP_DAYS = 9;

// People post during the working day and the evening.
const HOUR_WEIGHTS: Record<string, number> = Object.fromEntries(
  [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 2, 5, 6, 6, 5, 3, 3, 5, 6, 6, 5, 3, 3, 4, 3, 1.5, 0.5].map((w, h) => [
    String(h),
    w,
  ]),
);

export interface Rhythm {
  /** Beijing midnight of the first day. */
  from: number;
  /** The last instant a post may have. */
  to: number;
  /** A Saturday or Sunday gets this share of a working day's posts. */
  weekendFactor: number;
}

/** Beijing weekday of an instant: 0 Sunday … 6 Saturday. */
export function cstWeekday(ms: number): number {
  return new Date(ms + CST_MS).getUTCDay();
}

export function isWeekend(ms: number): boolean {
  const d = cstWeekday(ms);
  return d === 0 || d === 6;
}

function dayWeight(dayStart: number, r: Rhythm): number {
  return isWeekend(dayStart) ? r.weekendFactor : 1;
}

/** Beijing midnights of every day from `from` up to the day holding `to`. */
export function daysOf(from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; d <= to; d += DAY_MS) days.push(d);
  return days;
}

/**
 * An instant on the given day at a likely hour, or null when that is after `to` (today's posts are before
 * now). Always two draws, so a later start on the same day yields the same history up to its own now.
 */
export function timeOnDay(rng: Rng, dayStart: number, to: number): number | null {
  const hour = Number(rng.weighted(HOUR_WEIGHTS));
  const at = dayStart + hour * 3600_000 + rng.int(0, 3599_999);
  return at <= to ? at : null;
}

/** Exactly `count` posts, their days drawn by weight (weekends less likely). */
export function timesByCount(rng: Rng, r: Rhythm, count: number): number[] {
  const days = daysOf(r.from, r.to);
  const weights = Object.fromEntries(days.map((d, i) => [String(i), dayWeight(d, r)]));
  return Array.from({ length: count }, () => {
    const day = days[Number(rng.weighted(weights))]!;
    return timeOnDay(rng, day, r.to) ?? r.to;
  }).sort((a, b) => a - b);
}

/**
 * A Poisson number of posts each day around `perWeek` (a working day gets `1 / (5 + 2·weekendFactor)` of a
 * week's posts), so weeks vary as real ones do; an active account never goes `MAX_GAP_DAYS` without a post
 * (inspections flag an account after 14 silent days, and offices that publish keep clear of that).
 */
export function timesByRate(rng: Rng, r: Rhythm, perWeek: number): number[] {
  const perWorkday = perWeek / (5 + 2 * r.weekendFactor);
  const times: number[] = [];
  let lastDay = r.from;
  for (const day of daysOf(r.from, r.to)) {
    let n = rng.poisson(perWorkday * dayWeight(day, r));
    if (n === 0 && day - lastDay >= MAX_GAP_DAYS * DAY_MS) n = 1;
    if (n > 0) lastDay = day;
    for (let i = 0; i < n; i++) {
      const at = timeOnDay(rng, day, r.to);
      if (at !== null) times.push(at);
    }
  }
  return times.sort((a, b) => a - b);
}

/** `count` instants within [from, to] on days drawn by weight: letters and mentions arrive on their own. */
export function timesWithin(rng: Rng, r: Rhythm, days: number[], count: number): number[] {
  const usable = days.filter((d) => d >= r.from && d <= r.to);
  if (usable.length === 0 || count <= 0) return [];
  const weights = Object.fromEntries(usable.map((d, i) => [String(i), dayWeight(d, r)]));
  return Array.from({ length: count }, () => timeOnDay(rng, usable[Number(rng.weighted(weights))]!, r.to))
    .filter((at): at is number => at !== null)
    .sort((a, b) => a - b);
}
