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

/** Properties declared with LongTextColumn, as "Entity.property". */
export const longTextColumns = new Set<string>();

/**
 * Text that may outgrow MySQL's TEXT (64 KB): article HTML and snapshots. SQLite has one TEXT type of any
 * size, MySQL needs MEDIUMTEXT; the entity cannot know the engine, so it is declared TEXT and
 * widenLongText (data-source.ts) turns it into MEDIUMTEXT on MySQL/MariaDB once the metadata is built.
 */
export function LongTextColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return (target, property) => {
    longTextColumns.add(`${target.constructor.name}.${String(property)}`);
    Column({ type: 'text', ...options })(target, property);
  };
}
