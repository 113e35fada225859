// The plan a seeded history is drawn from, shared by the per-platform history writers.
import type { Rng } from '../core/rng';
import { DAY_MS } from '../core/time';
import type { EventDef } from './corpus/events';

export interface HistoryPlan {
  rng: Rng;
  /** Post times, ascending, epoch ms. */
  times: number[];
  originals: boolean[];
  commentsPerPost: number;
  bursts: { event: EventDef; centre: number }[];
  now: number;
}

/** The burst an instant falls into (within two days of its centre), if any. */
export function burstAt(plan: HistoryPlan, at: number): { event: EventDef; share: number } | undefined {
  const b = plan.bursts.find((x) => Math.abs(at - x.centre) < 2 * DAY_MS);
  return b ? { event: b.event, share: 0.8 } : undefined;
}
