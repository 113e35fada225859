import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { type DatabaseConfig } from '../config/app-config';
import { longTextColumns } from './columns';
import { entities } from './entity-list';
import { mysqlMigrations } from './migrations/mysql';
import { sqliteMigrations } from './migrations/sqlite';
import { serialiseSqliteAccess } from './sqlite-serialiser';

/**
 * TypeORM reads MariaDB's catalogue differently from MySQL's, so the flavour is asked of the server
 * rather than trusted from the URL scheme.
 */
export async function detectMysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const conn = await createConnection({ uri: url, connectTimeout: 10_000 });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test((rows as Array<{ v: string }>)[0]?.v ?? '') ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

export async function resolveDataSourceOptions(db: DatabaseConfig): Promise<DataSourceOptions> {
  const options = dataSourceOptions(db);
  if (db.type === 'mysql' && (await detectMysqlFlavour(db.url)) === 'mariadb')
    return { ...options, type: 'mariadb' } as DataSourceOptions;
  return options;
}

function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    logging: false,
  };
  if (db.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      enableWAL: true,
      // Several processes may share the file: wait for the single writer instead of failing at once.
      timeout: 15_000,
      migrations: sqliteMigrations,
    };
  }
  return {
    ...common,
    type: 'mysql',
    url: db.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    extra: { connectionLimit: 10 },
    migrations: mysqlMigrations,
  };
}

/** An initialised DataSource; the one way the app, scripts and tests open the database. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const ds = await new DataSource(options).initialize();
  if (ds.options.type === 'better-sqlite3') return serialiseSqliteAccess(ds);
  widenLongText(ds);
  return ds;
}

/** MySQL's TEXT holds 64 KB; the columns declared with LongTextColumn get MEDIUMTEXT (16 MB) there. */
function widenLongText(ds: DataSource): void {
  for (const meta of ds.entityMetadatas)
    for (const column of meta.columns)
      if (longTextColumns.has(`${meta.targetName}.${column.propertyName}`)) column.type = 'mediumtext';
}

export async function createDataSource(db: DatabaseConfig): Promise<DataSource> {
  return openDataSource(await resolveDataSourceOptions(db));
}

export type Engine = DatabaseConfig['type'];
export function engineOf(ds: DataSource): Engine {
  return ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}
