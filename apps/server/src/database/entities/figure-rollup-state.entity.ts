import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row (id 1, created by the migration) that every api process reads to know whether its cached
 * figures are stale: `version` goes up in each transaction that changes rollup rows.
 */
@Entity('figure_rollup_state')
export class FigureRollupStateEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int', default: 0 })
  version: number;
}
