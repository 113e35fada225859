import { Entity, Index, PrimaryColumn } from 'typeorm';
import { FigureCounts } from './figure-counts';

/**
 * 年汇总: the monthly rollup rows of one calendar year added up, so a year's figures (the dashboard's 今年/
 * 去年, the annual report) read one row per account and column instead of twelve. Recomputed from the
 * monthly rows with them. Keyed like the other rollups: by year first for large subtrees, through
 * (account, year) for small ones.
 */
@Entity('figure_rollup_yearly')
@Index('idx_figure_rollup_yearly_account_year', ['accountId', 'year'])
export class FigureRollupYearlyEntity extends FigureCounts {
  /** YYYY. */
  @PrimaryColumn({ type: 'varchar', length: 4 })
  year: string;

  @PrimaryColumn({ type: 'int' })
  accountId: number;

  @PrimaryColumn({ type: 'int' })
  columnId: number;
}
