import { Entity, Index, PrimaryColumn } from 'typeorm';
import { FigureCounts } from './figure-counts';

/**
 * 月汇总: the daily rollup rows of one calendar month added up, so a year reads about twelve rows per
 * account. Recomputed from the daily rows whenever one of its days changes. Keyed like the daily rows:
 * by month first for large subtrees, through (account, month) for small ones; the quota counts of monthly
 * and quarterly columns read (column, month, published) from an index alone.
 */
@Entity('figure_rollup_monthly')
@Index('idx_figure_rollup_monthly_account_month', ['accountId', 'month'])
@Index('idx_figure_rollup_monthly_column_month', ['columnId', 'month', 'published'])
export class FigureRollupMonthlyEntity extends FigureCounts {
  /** YYYY-MM. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int' })
  accountId: number;

  @PrimaryColumn({ type: 'int' })
  columnId: number;
}
