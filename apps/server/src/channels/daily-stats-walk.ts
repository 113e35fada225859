// The `stats` stream, walked only by a history import: a platform's statistics by day (WeChat datacube,
// portal page views), from yesterday back to the day of the account's oldest publication, a month a page.
// Polling keeps only the last week fresh (fetchMetrics); this fills in the years before it.
// Cursor {day, stop}: the next day to read, going back, and the last one to read.
import { z } from 'zod';
import { addDays } from '@sunlight/contracts';
import { mapLimited } from '../common/map-limited';
import { shanghaiDayOf } from '../common/shanghai-time';
import type { CollectBatch, MetricSample } from './channel.interface';
import { decodeCursor, encodeCursor } from './cursor';

const statsCursor = z.object({ day: z.string(), stop: z.string() });
const DAYS_PER_PAGE = 31;
/** Calls under way at once within a page. */
const PARALLEL_CALLS = 4;

export interface DailyStats {
  /** Days one call covers at most (WeChat's datacube: 1). */
  readonly span: number;
  /** The day the account's oldest publication went out, or null when it has none. */
  oldestDay(): Promise<string | null>;
  /** Every article's statistics of the days from `from` to `to` (within `span`), one sample a day. */
  days(from: string, to: string): Promise<MetricSample[]>;
}

export async function walkDailyStats(
  stats: DailyStats,
  cursor: string | null,
  now: Date,
): Promise<CollectBatch> {
  const done: CollectBatch = { publications: [], interactions: [], metrics: [], cursor, more: false };
  let state = decodeCursor(statsCursor, cursor);
  if (!state) {
    const stop = await stats.oldestDay();
    if (stop === null) return done;
    state = { day: addDays(shanghaiDayOf(now), -1), stop };
  }
  // The page's days, newest first, in runs of `span` days, one call each.
  const days: string[] = [];
  let day = state.day;
  for (; days.length < DAYS_PER_PAGE && day >= state.stop; day = addDays(day, -1)) days.push(day);
  const calls: { from: string; to: string }[] = [];
  for (let i = 0; i < days.length; i += stats.span) {
    const run = days.slice(i, i + stats.span);
    calls.push({ from: run[run.length - 1]!, to: run[0]! });
  }
  const metrics = (await mapLimited(calls, PARALLEL_CALLS, (c) => stats.days(c.from, c.to))).flat();
  return { ...done, metrics, cursor: encodeCursor({ day, stop: state.stop }), more: day >= state.stop };
}
