import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingSchemaChanges } from '../../src/database/schema-drift';
import { migratedDataSource, testEngines } from '../support/engines';

describe.each(testEngines())('migrations on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof migratedDataSource>>;
  beforeAll(async () => {
    ctx = await migratedDataSource(engine);
  });
  afterAll(() => ctx.close());

  it('build exactly the schema the entities describe', async () => {
    const pending = await pendingSchemaChanges(ctx.ds);
    expect(pending.up, 'run: pnpm --filter @sunlight/server migration:generate <Name>').toEqual([]);
  });

  it('keep the audit log append-only in the database itself', async () => {
    await ctx.ds.query(
      `INSERT INTO audit_log (at, action, result) VALUES ('2026-01-01 00:00:00.000', 'auth.login', 'success')`,
    );
    await expect(ctx.ds.query(`UPDATE audit_log SET result = 'failed'`)).rejects.toThrow(/append-only/);
    await expect(ctx.ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    const rows = await ctx.ds.query<Array<{ result: string }>>(`SELECT result FROM audit_log`);
    expect(rows).toEqual([{ result: 'success' }]);
  });

  it('can be rolled back completely', async () => {
    const { ds } = ctx;
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
    const left = await ds.query<unknown[]>(
      engine === 'sqlite'
        ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')`
        : `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'`,
    );
    expect(left).toEqual([]);
    await ds.runMigrations();
    expect((await pendingSchemaChanges(ds)).up).toEqual([]);
  });
});
