// 部门汇总's write side: the department rows of a period recomputed from the account rows of the same period
// (grouped by the accounts' department and channel now), for the rollup job, the rebuild and an account
// moving to another department — the one write path of accounts that changes what a department counts.
import { type EntityManager } from 'typeorm';
import { engineOfTx, execute, quoted } from '../collection/collection-sql';
import { anyOf, type Condition, replaceRollupRows, ROLLUP_COUNT_COLUMNS } from './figure-sql';

/** Each level of department rows, and the account rows it adds up. */
export const DEPARTMENT_LEVELS = {
  daily: { table: 'figure_rollup_department_daily', key: 'day', source: 'figure_rollup_daily' },
  monthly: { table: 'figure_rollup_department_monthly', key: 'month', source: 'figure_rollup_monthly' },
  yearly: { table: 'figure_rollup_department_yearly', key: 'year', source: 'figure_rollup_yearly' },
} as const;
export type RollupLevel = keyof typeof DEPARTMENT_LEVELS;

/** One (department, day, month or year) whose department rows are to be recomputed. */
export interface DepartmentPeriod {
  departmentId: number;
  period: string;
}

export async function recomputeDepartmentPeriods(
  tx: EntityManager,
  level: RollupLevel,
  pairs: readonly DepartmentPeriod[],
): Promise<void> {
  const l = DEPARTMENT_LEVELS[level];
  await replaceRollupRows(
    tx,
    l.table,
    pairs,
    (m) => [`department_id = ? AND ${l.key} = ?`, [m.departmentId, m.period]],
    (batch) =>
      insertDepartmentRows(
        tx,
        level,
        anyOf(batch, (m) => [`a.department_id = ? AND r.${l.key} = ?`, [m.departmentId, m.period]]),
      ),
  );
}

/** Recomputes every department row of a level over the periods from..to (inclusive). */
export async function recomputeDepartmentRange(
  tx: EntityManager,
  level: RollupLevel,
  from: string,
  to: string,
): Promise<void> {
  const l = DEPARTMENT_LEVELS[level];
  await execute(tx, `DELETE FROM ${l.table} WHERE ${l.key} >= ? AND ${l.key} <= ?`, [from, to]);
  await insertDepartmentRows(tx, level, [`r.${l.key} >= ? AND r.${l.key} <= ?`, [from, to]]);
}

/**
 * After an account moved out of `fromDepartmentId` (inside the move's transaction): that department's rows
 * of every period the account has lose it at once, and the account's days are marked, so the rollup job
 * adds it to the rows of the department it belongs to now.
 */
export async function rollupsFollowAccountMove(
  tx: EntityManager,
  accountId: number,
  fromDepartmentId: number,
): Promise<void> {
  for (const level of Object.keys(DEPARTMENT_LEVELS) as RollupLevel[]) {
    const l = DEPARTMENT_LEVELS[level];
    const periods = await tx.query<Array<{ period: string }>>(
      `SELECT DISTINCT ${l.key} AS period FROM ${l.source} WHERE account_id = ?`,
      [accountId],
    );
    await recomputeDepartmentPeriods(
      tx,
      level,
      periods.map((p) => ({ departmentId: fromDepartmentId, period: p.period })),
    );
  }
  await execute(
    tx,
    'INSERT INTO figure_rollup_marks (account_id, day) SELECT DISTINCT account_id, day FROM figure_rollup_daily WHERE account_id = ?',
    [accountId],
  );
  await execute(tx, 'UPDATE figure_rollup_state SET version = version + 1 WHERE id = 1', []);
}

async function insertDepartmentRows(tx: EntityManager, level: RollupLevel, [where, params]: Condition) {
  const l = DEPARTMENT_LEVELS[level];
  const q = (c: string) => quoted(engineOfTx(tx), c);
  await execute(
    tx,
    `INSERT INTO ${l.table} (${l.key}, department_id, channel, ${ROLLUP_COUNT_COLUMNS.map(q).join(', ')})
     SELECT r.${l.key}, a.department_id, a.channel, ${ROLLUP_COUNT_COLUMNS.map((c) => `SUM(r.${q(c)})`).join(', ')}
       FROM ${l.source} r JOIN accounts a ON a.id = r.account_id
      WHERE ${where}
      GROUP BY r.${l.key}, a.department_id, a.channel`,
    params,
  );
}
