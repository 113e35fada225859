import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A day of an account whose rollup rows no longer match the raw rows: written in the same transaction as
 * the change to publications or metric snapshots. A new row per change (never an upsert), so the rollup
 * job deletes exactly the marks it read and a change committed meanwhile keeps its own mark.
 */
@Entity('figure_rollup_marks')
export class FigureRollupMarkEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  /** YYYY-MM-DD, Asia/Shanghai. */
  @Column({ type: 'varchar', length: 10 })
  day: string;
}
