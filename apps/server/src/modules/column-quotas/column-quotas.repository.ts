import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelHasColumns, channels, type QuotaPeriod, type QuotaRule } from '@sunlight/contracts';
import { DataSource } from 'typeorm';
import { ColumnEntity } from '../../database/entities';
import { subtreeClause } from '../../database/scope-filter';

export interface QuotaColumnFilter {
  /** Department subtrees as path prefixes. */
  paths: readonly string[];
  /**
   * Which department must lie in them: the account's `or` the 责任部门 (the quota page shows a 分局 the
   * columns it keeps besides its own), or the `responsible` one alone (the figures credit each column-period
   * to one department, so a department's figure is the sum of its children's and its own).
   */
  via: 'either' | 'responsible';
  /** 本级: only the columns whose 责任部门 is this department itself. */
  responsibleId?: number;
  period?: QuotaPeriod;
}

/** An assessed column as a plain row, with what the quota page and the figures show of it. */
export interface QuotaColumnRow {
  id: number;
  code: string;
  name: string;
  accountId: number;
  accountName: string;
  rule: QuotaRule;
  /** 责任部门: set on the column, or else the account's own department. */
  responsibleDepartmentId: number;
  responsibleDepartmentName: string;
}

/**
 * Published publications of one column on one Asia/Shanghai calendar day (or month, see below); a day may
 * come more than once, to be added up.
 */
export interface ColumnDayCount {
  columnId: number;
  day: string;
  count: number;
}

const columnChannels = channels.filter((c) => channelHasColumns[c]);

/** Quota periods made of whole calendar months, counted from the monthly rollup. */
const MONTHLY_PERIODS: readonly QuotaPeriod[] = ['month', 'quarter'];

interface RawColumn {
  id: number | string;
  code: string;
  name: string;
  quota_period: QuotaPeriod;
  quota_min: number | string;
  quota_max: number | string | null;
  account_id: number | string;
  account_name: string;
  responsible_id: number | string;
  responsible_name: string;
}

/** The SQL of 栏目考核: which columns are assessed, and how much each published per day. */
@Injectable()
export class ColumnQuotasRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Enabled columns with an update quota on enabled column-bearing accounts, in one query as plain rows
   * (hydrating entities cost a quarter of a second for 800 columns); ordered by department, account, code.
   */
  async quotaColumns(f: QuotaColumnFilter): Promise<QuotaColumnRow[]> {
    const responsiblePath = 'COALESCE(rd.path, ad.path)';
    const scope =
      f.via === 'either'
        ? [subtreeClause('ad.path', f.paths, 'own'), subtreeClause('rd.path', f.paths, 'resp')]
        : [subtreeClause(responsiblePath, f.paths, 'resp')];
    const qb = this.ds
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.code AS code',
        'c.name AS name',
        'c.quota_period AS quota_period',
        'c.quota_min AS quota_min',
        'c.quota_max AS quota_max',
        'a.id AS account_id',
        'a.name AS account_name',
        'COALESCE(rd.id, ad.id) AS responsible_id',
        'COALESCE(rd.name, ad.name) AS responsible_name',
      ])
      .from(ColumnEntity, 'c')
      .innerJoin('accounts', 'a', 'a.id = c.account_id')
      .innerJoin('departments', 'ad', 'ad.id = a.department_id')
      .leftJoin('departments', 'rd', 'rd.id = c.responsible_department_id')
      .where('c.disabled = :off AND a.disabled = :off', { off: false })
      .andWhere('c.quota_period IS NOT NULL AND c.quota_min IS NOT NULL')
      .andWhere('a.channel IN (:...columnChannels)', { columnChannels })
      .andWhere(
        `(${scope.map((s) => s.sql).join(' OR ')})`,
        Object.assign({}, ...scope.map((s) => s.params)) as Record<string, string>,
      );
    if (f.responsibleId !== undefined)
      qb.andWhere('COALESCE(c.responsible_department_id, a.department_id) = :responsibleId', {
        responsibleId: f.responsibleId,
      });
    if (f.period) qb.andWhere('c.quota_period = :period', { period: f.period });
    const rows = await qb
      .orderBy('ad.path', 'ASC')
      .addOrderBy('a.name', 'ASC')
      .addOrderBy('c.code', 'ASC')
      .getRawMany<RawColumn>();
    return rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      name: r.name,
      accountId: Number(r.account_id),
      accountName: r.account_name,
      rule: {
        period: r.quota_period,
        min: Number(r.quota_min),
        max: r.quota_max === null ? null : Number(r.quota_max),
      },
      responsibleDepartmentId: Number(r.responsible_id),
      responsibleDepartmentName: r.responsible_name,
    }));
  }

  /**
   * Published publications per column and Asia/Shanghai calendar day over fromDay..toDay (inclusive), days
   * without any left out — for a column assessed by month or quarter, per month, dated its first day (its
   * periods are whole months, so that day always lies in the period the month belongs to). Read from the
   * rollups, which the worker keeps equal to the raw rows within seconds of a write, through their
   * (column, period, published) indexes alone: the quota page and 栏目更新达标率 count the same numbers.
   */
  async countPublishedPerColumn(
    columns: ReadonlyArray<{ id: number; period: QuotaPeriod }>,
    fromDay: string,
    toDay: string,
  ): Promise<ColumnDayCount[]> {
    const byMonth = columns.filter((c) => MONTHLY_PERIODS.includes(c.period)).map((c) => c.id);
    const byDay = columns.filter((c) => !MONTHLY_PERIODS.includes(c.period)).map((c) => c.id);
    // No GROUP BY: a column lies on one account, so it has one rollup row a day (or month); should a
    // publication ever name another account's column, its row is one more count the caller adds up.
    const part = (table: string, key: string, ids: number[], from: string, to: string) =>
      [
        `SELECT column_id, ${key} AS day, published AS n FROM ${table}
          WHERE column_id IN (${ids.map(() => '?').join(', ')}) AND ${key} >= ? AND ${key} <= ?`,
        [...ids, from, to],
      ] as const;
    const parts = [
      ...(byDay.length ? [part('figure_rollup_daily', 'day', byDay, fromDay, toDay)] : []),
      ...(byMonth.length
        ? [part('figure_rollup_monthly', 'month', byMonth, fromDay.slice(0, 7), toDay.slice(0, 7))]
        : []),
    ];
    // Two queries side by side on two connections, not one UNION: the day rows and the month rows are read
    // and sent at the same time.
    const rows = (
      await Promise.all(
        parts.map(([sql, params]) =>
          this.ds.query<Array<{ column_id: number | string; day: string; n: number | string }>>(sql, [
            ...params,
          ]),
        ),
      )
    ).flat();
    return rows.map((r) => ({
      columnId: Number(r.column_id),
      day: r.day.length === 7 ? `${r.day}-01` : r.day,
      count: Number(r.n),
    }));
  }
}
