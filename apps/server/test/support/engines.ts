import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { inject } from 'vitest';
import { type DatabaseConfig } from '../../src/config/app-config';
import { createDataSource, type Engine } from '../../src/database/data-source';

export type { Engine };

/** The engines this run tests on: both, unless a local run has no MariaDB (global-setup warned). */
export function testEngines(): Engine[] {
  return inject('mysqlServer') ? ['sqlite', 'mysql'] : ['sqlite'];
}

export interface TestDatabase {
  engine: Engine;
  config: DatabaseConfig;
  /** DATABASE_URL form, for child processes. */
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: an SQLite file in a temp dir, or a new MariaDB schema dropped afterwards. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunlight-test-'));
  if (engine === 'sqlite') {
    const path = join(dataDir, 'test.sqlite');
    return {
      engine,
      config: { type: 'sqlite', path, isNew: true },
      url: `sqlite:${path}`,
      dataDir,
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const server = inject('mysqlServer');
  const schema = `sunlight_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = `${server}/${schema}`;
  return {
    engine,
    config: { type: 'mysql', url, database: schema },
    url,
    dataDir,
    drop: async () => {
      const c = await createConnection(server);
      await c.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A migrated DataSource on a fresh database, for repository-level tests. */
export async function migratedDataSource(engine: Engine) {
  const db = await createTestDatabase(engine);
  const ds = await createDataSource(db.config);
  await ds.runMigrations();
  return {
    ds,
    db,
    close: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}
