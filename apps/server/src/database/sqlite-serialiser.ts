import { AsyncLocalStorage } from 'node:async_hooks';
import { type DataSource, type EntityManager, type QueryRunner } from 'typeorm';

/**
 * TypeORM gives SQLite a single connection shared by every caller in the process. A transaction
 * started by one request would then swallow the statements of concurrent requests (and roll them
 * back with its own), and a second transaction fails with "cannot start a transaction within a
 * transaction". This makes transactions take turns and holds every statement from outside the
 * running transaction until it ends; the async context tells the two apart.
 */
export function serialiseSqliteAccess(ds: DataSource): DataSource {
  const context = new AsyncLocalStorage<symbol>();
  let holder: symbol | null = null;
  let turn: Promise<void> = Promise.resolve();
  let running: Promise<void> = Promise.resolve();

  const manager: EntityManager = ds.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  (manager as { transaction: unknown }).transaction = async (...args: unknown[]) => {
    if (holder !== null && context.getStore() === holder) return transaction(...args);
    const previous = turn;
    let release!: () => void;
    turn = new Promise<void>((r) => (release = r));
    await previous;
    const token = Symbol('sqlite-transaction');
    holder = token;
    running = turn;
    try {
      return await context.run(token, () => transaction(...args));
    } finally {
      holder = null;
      release();
    }
  };

  const runner: QueryRunner = ds.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  (runner as { query: unknown }).query = async (...args: unknown[]) => {
    while (holder !== null && context.getStore() !== holder) await running;
    return query(...args);
  };
  return ds;
}
