import { Injectable } from '@nestjs/common';
import { type ColumnQuotaRow, type QuotaOutcome, quotaPeriodJudged } from '@sunlight/contracts';
import { ColumnQuotaRowsService } from '../column-quotas/column-quota-rows.service';
import { type DepartmentFilter } from './figure-counts.repository';

/** One column-period that 栏目更新达标率 counts: over, or met already. */
export interface JudgedPeriod {
  columnId: number;
  columnName: string;
  accountId: number;
  accountName: string;
  /** 责任部门: the department the period is credited to (the account's own unless set on the column). */
  departmentId: number;
  departmentName: string;
  ruleText: string;
  start: string;
  end: string;
  done: number;
  outcome: QuotaOutcome;
}

/**
 * Column-periods that 栏目更新达标率 counts, per column (and per month a period starts in, if asked), keyed
 * as a figure row is before its breakdown.
 */
export interface JudgedCount {
  /** 责任部门. */
  department: number;
  account: number;
  column: number;
  /** YYYY-MM, or undefined when not broken down by month. */
  month: string | undefined;
  counts: { quotaPeriods: number; quotaPeriodsMet: number };
}

/**
 * 栏目考核周期 for the figures: the quota page's own counting function (modules/column-quotas), each period
 * credited to the column's responsible department once, so a department's figure is the sum of its
 * children's and its own.
 */
@Injectable()
export class FigureQuotaService {
  constructor(private readonly quotaRows: ColumnQuotaRowsService) {}

  /** Judged and met periods added up per column (and month): what the figures count, without a row each. */
  async judgedCounts(
    where: DepartmentFilter,
    from: string,
    to: string,
    today: string,
    byMonth: boolean,
  ): Promise<JudgedCount[]> {
    const counts: JudgedCount[] = [];
    for (const row of await this.rows(where, from, to, today)) {
      const byKey = new Map<string | undefined, JudgedCount>();
      for (const p of row.periods) {
        if (!quotaPeriodJudged(p.outcome)) continue;
        const month = byMonth ? p.start.slice(0, 7) : undefined;
        let count = byKey.get(month);
        if (!count) {
          count = {
            department: row.responsibleDepartmentId,
            account: row.accountId,
            column: row.columnId,
            month,
            counts: { quotaPeriods: 0, quotaPeriodsMet: 0 },
          };
          byKey.set(month, count);
          counts.push(count);
        }
        count.counts.quotaPeriods++;
        if (p.outcome === 'met') count.counts.quotaPeriodsMet++;
      }
    }
    return counts;
  }

  /** Every judged period, for the drill-down (明细). */
  async judgedPeriods(
    where: DepartmentFilter,
    from: string,
    to: string,
    today: string,
  ): Promise<JudgedPeriod[]> {
    return (await this.rows(where, from, to, today)).flatMap((row) =>
      row.periods
        .filter((p) => quotaPeriodJudged(p.outcome))
        .map((p) => ({
          columnId: row.columnId,
          columnName: row.columnName,
          accountId: row.accountId,
          accountName: row.accountName,
          departmentId: row.responsibleDepartmentId,
          departmentName: row.responsibleDepartmentName,
          ruleText: row.ruleText,
          start: p.start,
          end: p.end,
          done: p.done,
          outcome: p.outcome,
        })),
    );
  }

  private rows(where: DepartmentFilter, from: string, to: string, today: string): Promise<ColumnQuotaRow[]> {
    return this.quotaRows.rows(
      {
        paths: [where.path],
        via: 'responsible',
        ...(where.ownOnly ? { responsibleId: where.departmentId } : {}),
      },
      from,
      to,
      today,
    );
  }
}
