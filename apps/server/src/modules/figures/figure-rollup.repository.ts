// The rollup tables' write side: daily rows recomputed from raw publications and metric snapshots, monthly
// rows from daily rows and yearly rows from monthly rows, the dirty marks, and the version api processes
// compare their caches against.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDayEnd, shanghaiDayStart } from '../../common/shanghai-time';
import { engineOf } from '../../database/data-source';
import { toDbInstant } from '../../database/instant';
import { chunked, execute, quoted } from '../collection/collection-sql';
import {
  anyOf,
  type Condition,
  ENGAGEMENT_COLUMNS,
  publicationTotalsSql,
  replaceRollupRows,
  ROLLUP_COUNT_COLUMNS,
  shanghaiDaySql,
} from './figure-sql';

/** One (account, day) whose daily rows are to be recomputed. */
export interface AccountDay {
  accountId: number;
  day: string;
}

/** One (account, month or year) whose rows of a summed level are to be recomputed. */
export interface AccountPeriod {
  accountId: number;
  /** YYYY-MM or YYYY. */
  period: string;
}

/**
 * The rollup levels that add up the level below: a month its days (keys YYYY-MM-01 … -31 in the daily
 * rows), a year its months (YYYY-01 … -12).
 */
const SUMMED_LEVELS = {
  monthly: {
    table: 'figure_rollup_monthly',
    key: 'month',
    length: 7,
    source: 'figure_rollup_daily',
    sourceKey: 'day',
    first: '-01',
    last: '-31',
  },
  yearly: {
    table: 'figure_rollup_yearly',
    key: 'year',
    length: 4,
    source: 'figure_rollup_monthly',
    sourceKey: 'month',
    first: '-01',
    last: '-12',
  },
} as const;
export type SummedLevel = keyof typeof SUMMED_LEVELS;

export interface RollupMark extends AccountDay {
  id: number;
}

/** A condition on publications (alias `p`), with its parameters. */
type PublicationScope = (alias: string) => Condition;

@Injectable()
export class FigureRollupRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** Whether anything waits for the rollup job: one indexed row at most. */
  async hasMarks(): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>('SELECT id FROM figure_rollup_marks ORDER BY id LIMIT 1');
    return rows.length > 0;
  }

  /** The oldest marks, read in the job's transaction (a consistent read: what committed before it). */
  async oldestMarks(tx: EntityManager, limit: number): Promise<RollupMark[]> {
    const rows = await tx.query<Array<{ id: number | string; account_id: number | string; day: string }>>(
      'SELECT id, account_id, day FROM figure_rollup_marks ORDER BY id LIMIT ?',
      [limit],
    );
    return rows.map((r) => ({ id: Number(r.id), accountId: Number(r.account_id), day: r.day }));
  }

  /** Deletes exactly these marks: one written meanwhile for the same day stays for the next run. */
  async deleteMarks(tx: EntityManager, ids: readonly number[]): Promise<void> {
    for (const batch of chunked(ids))
      await execute(
        tx,
        `DELETE FROM figure_rollup_marks WHERE id IN (${batch.map(() => '?').join(', ')})`,
        batch,
      );
  }

  /** Recomputes the daily rows of these (account, day) pairs from raw rows. */
  async recomputeDays(tx: EntityManager, pairs: readonly AccountDay[]): Promise<void> {
    await replaceRollupRows(
      tx,
      'figure_rollup_daily',
      pairs,
      (m) => ['account_id = ? AND day = ?', [m.accountId, m.day]],
      (batch) =>
        this.insertDaily(tx, (p) =>
          anyOf(batch, (m) => [
            `${p}.account_id = ? AND ${p}.published_at >= ? AND ${p}.published_at < ?`,
            [m.accountId, this.instant(shanghaiDayStart(m.day)), this.instant(shanghaiDayEnd(m.day))],
          ]),
        ),
    );
  }

  /** Recomputes every daily row of the days from..to (inclusive) from raw rows. */
  async recomputeDayRange(tx: EntityManager, from: string, to: string): Promise<void> {
    await execute(tx, 'DELETE FROM figure_rollup_daily WHERE day >= ? AND day <= ?', [from, to]);
    await this.insertDaily(tx, (p) => [
      `${p}.published_at >= ? AND ${p}.published_at < ?`,
      [this.instant(shanghaiDayStart(from)), this.instant(shanghaiDayEnd(to))],
    ]);
  }

  /** Recomputes the rows of these (account, period) pairs of a summed level from the level below it. */
  async recomputeSummed(
    tx: EntityManager,
    level: SummedLevel,
    pairs: readonly AccountPeriod[],
  ): Promise<void> {
    const l = SUMMED_LEVELS[level];
    await replaceRollupRows(
      tx,
      l.table,
      pairs,
      (m) => [`account_id = ? AND ${l.key} = ?`, [m.accountId, m.period]],
      (batch) =>
        this.insertSummed(
          tx,
          l,
          anyOf(batch, (m) => [
            `account_id = ? AND ${l.sourceKey} >= ? AND ${l.sourceKey} <= ?`,
            [m.accountId, `${m.period}${l.first}`, `${m.period}${l.last}`],
          ]),
        ),
    );
  }

  /** Recomputes every row of a summed level over the periods from..to (inclusive). */
  async recomputeSummedRange(tx: EntityManager, level: SummedLevel, from: string, to: string): Promise<void> {
    const l = SUMMED_LEVELS[level];
    await execute(tx, `DELETE FROM ${l.table} WHERE ${l.key} >= ? AND ${l.key} <= ?`, [from, to]);
    await this.insertSummed(tx, l, [
      `${l.sourceKey} >= ? AND ${l.sourceKey} <= ?`,
      [`${from}${l.first}`, `${to}${l.last}`],
    ]);
  }

  /** The department each of these accounts belongs to now. */
  async departmentsOf(tx: EntityManager, accountIds: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (const batch of chunked(accountIds)) {
      const rows = await tx.query<Array<{ id: number | string; department_id: number | string }>>(
        `SELECT id, department_id FROM accounts WHERE id IN (${batch.map(() => '?').join(', ')})`,
        batch,
      );
      for (const r of rows) out.set(Number(r.id), Number(r.department_id));
    }
    return out;
  }

  async bumpVersion(tx: EntityManager): Promise<void> {
    await execute(tx, 'UPDATE figure_rollup_state SET version = version + 1 WHERE id = 1', []);
  }

  /** The rollup version: one primary-key read, cheap enough for every figures request. */
  async version(): Promise<number> {
    const rows = await this.ds.query<Array<{ version: number | string }>>(
      'SELECT version FROM figure_rollup_state WHERE id = 1',
    );
    return Number(rows[0]?.version ?? 0);
  }

  /**
   * One daily row per (day, account, column) of the publications in scope that are live: counted by kind,
   * with the latest engagement totals of exactly those publications.
   */
  private async insertDaily(tx: EntityManager, scope: PublicationScope): Promise<void> {
    const engine = engineOf(this.ds);
    const q = (c: string) => quoted(engine, c);
    const [outer, outerParams] = scope('p');
    const [inner, innerParams] = scope('p2');
    const ids = `SELECT p2.id FROM publications p2 WHERE p2.status = 'published' AND ${inner}`;
    const day = shanghaiDaySql(engine, 'p.published_at');
    const sums = ENGAGEMENT_COLUMNS.map((c) => `COALESCE(SUM(t.${q(c)}), 0)`).join(', ');
    await execute(
      tx,
      `INSERT INTO figure_rollup_daily (day, account_id, column_id, ${ROLLUP_COUNT_COLUMNS.map(q).join(', ')})
       SELECT ${day}, p.account_id, COALESCE(p.column_id, 0), COUNT(*),
              SUM(CASE WHEN p.kind = 'original' THEN 1 ELSE 0 END),
              SUM(CASE WHEN p.kind = 'forward' THEN 1 ELSE 0 END),
              SUM(CASE WHEN p.kind IN ('original', 'forward') THEN 0 ELSE 1 END),
              ${sums}
         FROM publications p
         LEFT JOIN ${publicationTotalsSql(engine, ids)} t ON t.publication_id = p.id
        WHERE p.status = 'published' AND ${outer}
        GROUP BY ${day}, p.account_id, COALESCE(p.column_id, 0)`,
      [...innerParams, ...innerParams, ...innerParams, ...outerParams],
    );
  }

  private async insertSummed(
    tx: EntityManager,
    l: (typeof SUMMED_LEVELS)[SummedLevel],
    [where, params]: Condition,
  ): Promise<void> {
    const q = (c: string) => quoted(engineOf(this.ds), c);
    const period = `SUBSTR(${l.sourceKey}, 1, ${l.length})`;
    await execute(
      tx,
      `INSERT INTO ${l.table} (${l.key}, account_id, column_id, ${ROLLUP_COUNT_COLUMNS.map(q).join(', ')})
       SELECT ${period}, account_id, column_id, ${ROLLUP_COUNT_COLUMNS.map((c) => `SUM(${q(c)})`).join(', ')}
         FROM ${l.source} WHERE ${where}
        GROUP BY ${period}, account_id, column_id`,
      params,
    );
  }

  private instant(at: Date): Date | string {
    return toDbInstant(this.ds, at);
  }
}
