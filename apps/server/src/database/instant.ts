import { type DataSource } from 'typeorm';
import { engineOf } from './data-source';

/**
 * A parameter for raw SQL on an instant column. TypeORM stores SQLite datetimes as UTC text
 * "YYYY-MM-DD HH:MM:SS.SSS", which only compares correctly against text of the same shape;
 * mysql2 converts Date objects itself (the connection runs in UTC).
 */
export function toDbInstant(ds: DataSource, at: Date): Date | string {
  return engineOf(ds) === 'sqlite' ? at.toISOString().replace('T', ' ').replace('Z', '') : at;
}

/** An instant read back through raw SQL: a Date from mysql2, UTC text from SQLite. */
export function fromDbInstant(v: string | Date): Date {
  return v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`);
}
