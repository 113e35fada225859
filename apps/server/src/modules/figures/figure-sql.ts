// SQL fragments the rollups and the drill-down share, so a publication's counts are defined in one place on
// both engines.
import { type EntityManager } from 'typeorm';
import { type Engine } from '../../database/data-source';
import { chunked, execute, quoted, type SqlValue } from '../collection/collection-sql';

/** The engagement counters, as metric_snapshots and the rollup tables name them. */
export const ENGAGEMENT_COLUMNS = ['reposts', 'reads', 'likes', 'comments', 'page_views'] as const;

/** The counted columns of a rollup row, daily and monthly alike. */
export const ROLLUP_COUNT_COLUMNS = [
  'published',
  'original',
  'forwarded',
  'unclassified',
  ...ENGAGEMENT_COLUMNS,
] as const;

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of a UTC instant column: UTC+8 all year, no daylight saving. */
export function shanghaiDaySql(engine: Engine, column: string): string {
  return engine === 'sqlite'
    ? `strftime('%Y-%m-%d', ${column}, '+8 hours')`
    : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`;
}

/**
 * A derived table of the latest totals of the publications `ids` selects (a SELECT of publication ids):
 * `publication_id` and one column per engagement counter, null where never reported. Channels that report
 * per day (WeChat datacube, portal page views: `day` set) total the sum over their day rows; the others
 * (Weibo: `day` null, a running total per reading) take their latest reading.
 */
export function publicationTotalsSql(engine: Engine, ids: string): string {
  const q = (c: string) => quoted(engine, c);
  const pick = ENGAGEMENT_COLUMNS.map(
    (c) => `CASE WHEN ds.publication_id IS NOT NULL THEN ds.${q(c)} ELSE lt.${q(c)} END AS ${q(c)}`,
  ).join(', ');
  const sums = ENGAGEMENT_COLUMNS.map((c) => `SUM(s.${q(c)}) AS ${q(c)}`).join(', ');
  const plain = ENGAGEMENT_COLUMNS.map((c) => `s.${q(c)}`).join(', ');
  const latest = ENGAGEMENT_COLUMNS.map((c) => `z.${q(c)}`).join(', ');
  return `(SELECT pid.id AS publication_id, ${pick}
     FROM (${ids}) pid
     LEFT JOIN (SELECT s.publication_id, ${sums} FROM metric_snapshots s
                 WHERE s.day IS NOT NULL AND s.publication_id IN (${ids}) GROUP BY s.publication_id) ds
       ON ds.publication_id = pid.id
     LEFT JOIN (SELECT z.publication_id, ${latest}
                  FROM (SELECT s.publication_id, ${plain},
                               ROW_NUMBER() OVER (PARTITION BY s.publication_id ORDER BY s.taken_at DESC, s.id DESC) AS rn
                          FROM metric_snapshots s
                         WHERE s.day IS NULL AND s.publication_id IN (${ids})) z
                 WHERE z.rn = 1) lt
       ON lt.publication_id = pid.id)`;
}

/** A condition with its parameters. */
export type Condition = [sql: string, params: SqlValue[]];

/** One parenthesised condition per item, joined with OR. */
export function anyOf<T>(items: readonly T[], clause: (item: T) => Condition): Condition {
  const parts = items.map(clause);
  return [`(${parts.map(([sql]) => `(${sql})`).join(' OR ')})`, parts.flatMap(([, params]) => params)];
}

/**
 * Rollup rows one statement names by their key (account or department, and period): a condition each, well
 * inside both engines' parameter limits.
 */
const KEYS_PER_STATEMENT = 200;

/**
 * Recomputes the rollup rows of `table` these keys name, a batch at a time: deletes the rows `match` names,
 * then has `insert` write the batch's rows again from the level below.
 */
export async function replaceRollupRows<K>(
  tx: EntityManager,
  table: string,
  keys: readonly K[],
  match: (key: K) => Condition,
  insert: (batch: readonly K[]) => Promise<void>,
): Promise<void> {
  for (const batch of chunked(keys, KEYS_PER_STATEMENT)) {
    const [where, params] = anyOf(batch, match);
    await execute(tx, `DELETE FROM ${table} WHERE ${where}`, params);
    await insert(batch);
  }
}
