import { Column, type ColumnOptions, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * Instants are UTC with millisecond precision on both engines (datetime(3)); the UI shows them in
 * Asia/Shanghai. One helper so every entity declares them the same way.
 */
export function InstantColumn(options: Omit<ColumnOptions, 'type' | 'precision'> = {}) {
  return Column({ type: 'datetime', precision: 3, ...options });
}
/** Microsecond precision so MySQL 8 accepts the CURRENT_TIMESTAMP(6) default TypeORM gives these columns. */
export function CreatedAtColumn() {
  return CreateDateColumn({ type: 'datetime', precision: 6 });
}
export function UpdatedAtColumn() {
  return UpdateDateColumn({ type: 'datetime', precision: 6 });
}
