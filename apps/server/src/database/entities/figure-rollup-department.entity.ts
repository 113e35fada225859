import { Entity, Index, PrimaryColumn } from 'typeorm';
import { FigureCounts } from './figure-counts';

// 部门汇总: the account rollup rows of one department and channel added up, per day, month and year. The
// figures without an account or column breakdown — the dashboard's cards, trend, ranking and channel
// comparison — read these: a year over 2,000 accounts is a few thousand rows instead of tens of thousands
// joined to their accounts. Recomputed from the account rows of the same period whenever those change, and
// for both departments when an account moves. Keyed by period first for large subtrees, through
// (department, period) for small ones.

@Entity('figure_rollup_department_daily')
@Index('idx_figure_rollup_department_daily_department', ['departmentId', 'day'])
export class FigureRollupDepartmentDailyEntity extends FigureCounts {
  /** YYYY-MM-DD, Asia/Shanghai. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: string;
}

@Entity('figure_rollup_department_monthly')
@Index('idx_figure_rollup_department_monthly_department', ['departmentId', 'month'])
export class FigureRollupDepartmentMonthlyEntity extends FigureCounts {
  /** YYYY-MM. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: string;
}

@Entity('figure_rollup_department_yearly')
@Index('idx_figure_rollup_department_yearly_department', ['departmentId', 'year'])
export class FigureRollupDepartmentYearlyEntity extends FigureCounts {
  /** YYYY. */
  @PrimaryColumn({ type: 'varchar', length: 4 })
  year: string;

  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: string;
}
