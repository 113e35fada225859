/**
 * A statement refused by a unique key: MySQL/MariaDB's ER_DUP_ENTRY, SQLite's UNIQUE constraint. Both engines
 * undo only the statement, so the transaction it ran in can go on (and, say, resolve the clash).
 */
export function isUniqueViolation(err: unknown): boolean {
  const driver = (err as { driverError?: { errno?: number; code?: string } } | undefined)?.driverError;
  return driver?.errno === 1062 || driver?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
