// Fixed-window counters for rate limits and daily quotas, persisted so a restart does not reset them.
import { prep, type Db } from './db';

export class Counters {
  constructor(private readonly db: Db) {}

  /** Current count of a bucket in the window that starts at `windowStart` (0 if it is an older window). */
  peek(bucket: string, windowStart: number): number {
    const row = prep(this.db, 'SELECT window_start, count FROM counters WHERE bucket = ?').get(bucket) as
      { window_start: number; count: number } | undefined;
    return row && row.window_start === windowStart ? row.count : 0;
  }

  /** Counts one use if the limit allows it; a refused use is not counted, as on the platforms. */
  take(bucket: string, windowStart: number, limit: number): { ok: boolean; count: number } {
    const count = this.peek(bucket, windowStart);
    if (count >= limit) return { ok: false, count };
    prep(
      this.db,
      `INSERT INTO counters (bucket, window_start, count) VALUES (?, ?, 1)
         ON CONFLICT (bucket) DO UPDATE SET
           count = CASE WHEN counters.window_start = excluded.window_start THEN counters.count + 1 ELSE 1 END,
           window_start = excluded.window_start`,
    ).run(bucket, windowStart);
    return { ok: true, count: count + 1 };
  }

  resetPrefix(prefix: string): void {
    prep(this.db, 'DELETE FROM counters WHERE bucket LIKE ?').run(`${prefix}%`);
  }
}
