import { HttpStatus, Injectable } from '@nestjs/common';
import {
  accountReaderRoles,
  addDays,
  type ColumnQuotaQuery,
  type ColumnQuotaReport,
} from '@sunlight/contracts';
import { type Actor, coversPath, scopePaths } from '../../common/actor';
import { AppError, forbidden } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { shanghaiDayOf } from '../../common/shanghai-time';
import { DepartmentsRepository } from '../departments/departments.repository';
import { ColumnQuotaRowsService } from './column-quota-rows.service';

/** Twelve quarters, the longest view the page asks for, with room to spare. */
const MAX_DAYS = 1200;

/** Who reads 栏目考核: everyone who reads the account matrix its columns belong to. */
export const columnQuotaReaderRoles = accountReaderRoles;

/** 栏目考核: done vs target per column and period, for the columns in the caller's scope. */
@Injectable()
export class ColumnQuotasService {
  constructor(
    private readonly quotaRows: ColumnQuotaRowsService,
    private readonly departments: DepartmentsRepository,
    private readonly clock: Clock,
  ) {}

  async report(actor: Actor, q: ColumnQuotaQuery): Promise<ColumnQuotaReport> {
    assertRange(q.from, q.to);
    const today = shanghaiDayOf(this.clock.now());
    const paths = await this.paths(actor, q);
    const rows = await this.quotaRows.rows({ paths, via: 'either', period: q.period }, q.from, q.to, today);
    return { from: q.from, to: q.to, today, rows };
  }

  /** The caller's subtrees, or the one department asked for when it lies within them. */
  private async paths(actor: Actor, q: ColumnQuotaQuery): Promise<string[]> {
    if (q.department === undefined) return scopePaths(actor, columnQuotaReaderRoles);
    const d = await this.departments.findById(q.department);
    if (!d || !coversPath(actor, d.path, columnQuotaReaderRoles))
      throw forbidden('您无权查看该部门的栏目考核', 'Department outside your scope');
    return [d.path];
  }
}

function assertRange(from: string, to: string): void {
  const problem =
    from > to
      ? '开始日期不能晚于结束日期'
      : addDays(from, MAX_DAYS) <= to
        ? `日期范围不超过 ${MAX_DAYS} 天，请缩短范围或按周期分段查看`
        : null;
  if (problem)
    throw new AppError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      problem,
      `The range must run forward and span at most ${MAX_DAYS} days`,
      [{ path: 'to', message: problem }],
    );
}
