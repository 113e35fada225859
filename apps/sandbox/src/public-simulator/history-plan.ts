// The plan a seeded history is drawn from, shared by the per-platform history writers.
import type { Rng } from '../core/rng';
import { DAY_MS } from '../core/time';
import type { EventDef } from './corpus/events';

export interface HistoryPlan {
  rng: Rng;
  /** Post times, ascending, epoch ms. */
  times: number[];
  originals: boolean[];
  /** Portal: the column of each post, by code (random when unset). */
  columns?: string[];
  commentsPerPost: number;
  /** How much attention the account gets: scales reads, likes, reposts and page views (1 = a typical 分局). */
  engagement: number;
  /** Portal letters (来信) and Weibo mentions (@ the account), ascending. */
  messages: number[];
  /** Draws for the messages, apart from the posts'. */
  messageRng: Rng;
  bursts: { event: EventDef; centre: number }[];
  now: number;
}

/** The burst an instant falls into (within two days of its centre), if any. */
export function burstAt(plan: HistoryPlan, at: number): { event: EventDef; share: number } | undefined {
  const b = plan.bursts.find((x) => Math.abs(at - x.centre) < 2 * DAY_MS);
  return b ? { event: b.event, share: 0.8 } : undefined;
}

/** A count around `median` for this account: the account's pull times the post's own luck. */
export function attention(plan: HistoryPlan, median: number, spread = 1): number {
  return plan.rng.heavyTail(median * plan.engagement, spread);
}
