// Opens (or creates) the sandbox's SQLite file and offers the small key/value "meta" table used for
// counters that must survive a restart (clock offset, id sequences, simulator call numbers).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA, SCHEMA_VERSION } from './schema';

export type Db = Database.Database;

export function openDb(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'sandbox.sqlite'));
  // WAL + NORMAL: crash-safe for a simulator and fast enough for bench-sized publishing loads.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const version = getMeta(db, 'schema_version');
  if (version !== null && Number(version) > SCHEMA_VERSION) {
    throw new Error(`data dir ${dataDir} was written by a newer sandbox (schema ${version})`);
  }
  setMeta(db, 'schema_version', String(SCHEMA_VERSION));
  return db;
}

export function getMeta(db: Db, key: string): string | null {
  const row = prep(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}

export function setMeta(db: Db, key: string, value: string): void {
  prep(
    db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Increments a persisted sequence and returns the new value. */
export function nextSeq(db: Db, name: string, start = 0): number {
  const current = Number(getMeta(db, `seq:${name}`) ?? start);
  const next = current + 1;
  setMeta(db, `seq:${name}`, String(next));
  return next;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per SQL text and database (compiling costs more than running). */
export function prep(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
