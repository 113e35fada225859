// Small helpers for the collector's hand-written SQL: multi-row statements on both engines, without TypeORM
// entity hydration on the write path (the ingestion target is measured by bench/ingest).
import { type EntityManager } from 'typeorm';
import { engineOf, type Engine } from '../../database/data-source';
import { toDbInstant } from '../../database/instant';

/**
 * Rows per INSERT: enough to amortise the round trip, well inside both engines' parameter limits
 * (SQLite 32,766, MySQL 65,535) for the widest row written (12 columns).
 */
export const ROWS_PER_STATEMENT = 500;

export type SqlValue = string | number | Date | null;

export function engineOfTx(tx: EntityManager): Engine {
  return engineOf(tx.connection);
}

/** An instant as a statement parameter on this engine. */
export function instantParam(tx: EntityManager, at: Date): Date | string {
  return toDbInstant(tx.connection, at);
}

/** `(?, ?, ?), (?, ?, ?)`: placeholders for `rows` rows of `width` values. */
export function valuesList(rows: number, width: number): string {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}

/** Quotes a column name for the engine (`reads` is a reserved word in MySQL). */
export function quoted(engine: Engine, name: string): string {
  return engine === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

/** Runs a write and returns how many rows it changed, the same way on both engines. */
export async function execute(tx: EntityManager, sql: string, params: readonly SqlValue[]): Promise<number> {
  const runner = tx.queryRunner;
  if (!runner) throw new Error('collector writes run inside a transaction');
  const result = (await runner.query(sql, [...params], true)) as { affected?: number };
  return result.affected ?? 0;
}

/**
 * Multi-row INSERTs of `rows`, ≤ ROWS_PER_STATEMENT a statement, ending in the engine's `onConflict` clause.
 * The collector's whole write path: one round trip per statement, no SELECT, no entity objects.
 */
export async function insertRows<T>(
  tx: EntityManager,
  into: { table: string; columns: readonly string[]; onConflict: string },
  rows: readonly T[],
  values: (row: T) => SqlValue[],
): Promise<void> {
  const engine = engineOfTx(tx);
  const columns = into.columns.map((c) => quoted(engine, c)).join(', ');
  for (const batch of chunked(rows)) {
    const sql = `INSERT INTO ${into.table} (${columns}) VALUES ${valuesList(batch.length, into.columns.length)} ${into.onConflict}`;
    await execute(tx, sql, batch.flatMap(values));
  }
}

export function chunked<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Cuts text to a column's length in characters (varchar counts code points, not UTF-16 units). */
export function clip(value: string, max: number): string;
export function clip(value: string | null | undefined, max: number): string | null;
export function clip(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (value.length <= max) return value;
  return Array.from(value).slice(0, max).join('');
}

/** The last of each key wins: a platform may list an item twice in one page. */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()];
}
