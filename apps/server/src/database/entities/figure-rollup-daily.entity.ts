import { Entity, Index, PrimaryColumn } from 'typeorm';
import { FigureCounts } from './figure-counts';

/**
 * 日汇总: the figures of one account's publications of one Shanghai day, per column (0 = none). Kept up to
 * date from raw rows by the figures worker; a row exists only where something was published. Keyed by day
 * first, so a range of days over a large subtree is one clustered scan whatever the history before it;
 * a small subtree reads its own accounts' days through (account, day); the quota counts (栏目考核) read
 * (column, day, published) from an index alone.
 */
@Entity('figure_rollup_daily')
@Index('idx_figure_rollup_daily_account_day', ['accountId', 'day'])
@Index('idx_figure_rollup_daily_column_day', ['columnId', 'day', 'published'])
export class FigureRollupDailyEntity extends FigureCounts {
  /** YYYY-MM-DD, Asia/Shanghai. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int' })
  accountId: number;

  /** The portal column, or 0 for none (a key column cannot be null). */
  @PrimaryColumn({ type: 'int' })
  columnId: number;
}
