// 汇总脏标记: the one call every write path of publications and metric snapshots makes, inside its own
// transaction, so the rollup job knows which (account, day) rollup rows to recompute from raw rows.
import { type EntityManager } from 'typeorm';
import { shanghaiDayOf } from '../../common/shanghai-time';
import { chunked, engineOfTx, execute, valuesList } from '../collection/collection-sql';
import { shanghaiDaySql } from './figure-sql';

/** A publication a write touches, by the account's external id, with the publishedAt it is given if any. */
export interface TouchedPublication {
  externalId: string;
  publishedAt?: Date | null;
}

/**
 * Marks the days of the account's publications a write touches: the day each is stored under now (read
 * here, so call it before the write) and the day it is given. A publication whose publishedAt moves so
 * marks both days; a metric reading marks its publication's day.
 */
export async function markRollupDirty(
  tx: EntityManager,
  accountId: number,
  touched: readonly TouchedPublication[],
): Promise<void> {
  await markRollupDays(
    tx,
    accountId,
    touched.flatMap((t) => (t.publishedAt ? [t.publishedAt] : [])),
  );
  const day = shanghaiDaySql(engineOfTx(tx), 'p.published_at');
  for (const batch of chunked([...new Set(touched.map((t) => t.externalId))]))
    await execute(
      tx,
      `INSERT INTO figure_rollup_marks (account_id, day)
       SELECT DISTINCT p.account_id, ${day} FROM publications p
        WHERE p.account_id = ? AND p.published_at IS NOT NULL
          AND p.external_id IN (${batch.map(() => '?').join(', ')})`,
      [accountId, ...batch],
    );
}

/** Marks the account's days of these instants (a publication sent and published at one of them). */
export async function markRollupDays(
  tx: EntityManager,
  accountId: number,
  instants: readonly Date[],
): Promise<void> {
  const days = [...new Set(instants.map(shanghaiDayOf))];
  if (days.length === 0) return;
  await execute(
    tx,
    `INSERT INTO figure_rollup_marks (account_id, day) VALUES ${valuesList(days.length, 2)}`,
    days.flatMap((d) => [accountId, d]),
  );
}
