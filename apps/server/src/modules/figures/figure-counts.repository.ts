// The figures' read side: sums of rollup rows over a department subtree, grouped by the breakdowns asked
// for, and the facts staleAccounts needs. Statistics queries as named methods, tested on both engines.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Channel, type FigureDimension } from '@sunlight/contracts';
import { DataSource } from 'typeorm';
import { engineOf } from '../../database/data-source';
import { fromDbInstant, toDbInstant } from '../../database/instant';
import { quoted, type SqlValue } from '../collection/collection-sql';
import { type RollupCover } from './figure-range';
import { DEPARTMENT_LEVELS, type RollupLevel } from './figure-department-rollups';
import { anyOf, type Condition, ROLLUP_COUNT_COLUMNS } from './figure-sql';

/** Which accounts count: a department's subtree, or (本级) only the department's own accounts. */
export interface DepartmentFilter {
  path: string;
  departmentId: number;
  ownOnly: boolean;
}

/** The counted publication figures of one group of rollup rows, by their catalogue codes. */
export const publicationCounts = [
  'published',
  'original',
  'forwarded',
  'unclassified',
  'repostedByOthers',
  'reads',
  'likes',
  'comments',
  'portalUpdates',
  'pageViews',
] as const;
export type PublicationCount = (typeof publicationCounts)[number];

/**
 * One group: the breakdown values it was grouped by (undefined where not asked; department = the accounts'
 * own department, column 0 = publications outside any column), usable as it is as a figure row's key, and
 * its sums.
 */
export interface PublicationSumRow {
  department?: number;
  account?: number;
  channel?: Channel;
  column?: number;
  month?: string;
  /** What the figures show of the account, when grouped by account: read with the sums, not asked again. */
  accountName?: { name: string; channel: Channel };
  sums: Record<PublicationCount, number>;
}

export interface StaleCandidate {
  id: number;
  name: string;
  channel: Channel;
  departmentId: number;
  departmentName: string;
  createdAt: Date;
  /** The latest live publication before the as-of instant. */
  lastPublishedAt: Date | null;
}

export interface DepartmentNode {
  id: number;
  name: string;
  path: string;
}

/**
 * Each count of one row aliased `t` (account sums or department rows), with the channel expression the
 * portal figures need; a group adds them up.
 */
const COUNT_SQL: Record<PublicationCount, (q: (c: string) => string, t: string, channel: string) => string> =
  {
    published: (_q, t) => `${t}.published`,
    original: (_q, t) => `${t}.original`,
    forwarded: (_q, t) => `${t}.forwarded`,
    unclassified: (_q, t) => `${t}.unclassified`,
    repostedByOthers: (_q, t) => `${t}.reposts`,
    reads: (q, t) => `${t}.${q('reads')}`,
    likes: (_q, t) => `${t}.likes`,
    comments: (_q, t) => `${t}.comments`,
    portalUpdates: (_q, t, channel) => `CASE WHEN ${channel} = 'portal' THEN ${t}.published ELSE 0 END`,
    pageViews: (_q, t, channel) => `CASE WHEN ${channel} = 'portal' THEN ${t}.page_views ELSE 0 END`,
  };

/** One part of a sum query: the rows of a level over a range, with the month expression of that level. */
type Branch = (level: RollupLevel, month: string, range: Condition) => readonly [string, readonly SqlValue[]];

const ACCOUNT_TABLES: Record<RollupLevel, string> = {
  daily: 'figure_rollup_daily',
  monthly: 'figure_rollup_monthly',
  yearly: 'figure_rollup_yearly',
};

@Injectable()
export class FigureCountsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Sums of the rollup rows of the accounts in `where` over the days `cover` describes, one row per
   * combination of the dimensions in `by` (department = the account's own department). Whole years come
   * from the yearly rows, whole months from the monthly rows and cut months from the daily rows, each part
   * its own query, run side by side; the caller adds the parts of a group together.
   */
  async publicationSums(
    where: DepartmentFilter,
    cover: RollupCover,
    by: readonly FigureDimension[],
  ): Promise<PublicationSumRow[]> {
    const perAccount = by.includes('account') || by.includes('column');
    const branch = perAccount ? this.accountBranch(where, by) : this.departmentBranch(where, by);
    const parts: Array<readonly [string, readonly SqlValue[]]> = [];
    // A cover with years is only asked for without a month breakdown, which yearly rows cannot give.
    if (cover.years) parts.push(branch('yearly', 'NULL', ['r.year >= ? AND r.year <= ?', [...cover.years]]));
    if (cover.months.length)
      parts.push(
        branch(
          'monthly',
          'r.month',
          anyOf(cover.months, ([f, t]) => ['r.month >= ? AND r.month <= ?', [f, t]]),
        ),
      );
    if (cover.days.length)
      parts.push(
        branch(
          'daily',
          'SUBSTR(r.day, 1, 7)',
          anyOf(cover.days, ([f, t]) => ['r.day >= ? AND r.day <= ?', [f, t]]),
        ),
      );
    // On two connections rather than one UNION: MariaDB runs a statement on one core, and grouped a range's
    // month rows and then its day rows (the 12 months to yesterday by account: 55 ms of a 75 ms request,
    // which takes about 52 ms with the parts side by side).
    const rows = (
      await Promise.all(
        parts.map(([sql, params]) =>
          this.ds.query<Array<Record<string, string | number | null>>>(sql, [...params]),
        ),
      )
    ).flat();
    // One object shape for every row (a breakdown not asked is undefined): thousands of rows a request, and
    // rows of differing shapes made each later read of them a slow lookup.
    return rows
      .filter((r) => r.published !== null)
      .map((r) => ({
        department: optionalNumber(r.g_department),
        account: optionalNumber(r.g_account),
        channel: (r.g_channel ?? undefined) as Channel | undefined,
        column: optionalNumber(r.g_column),
        month: r.g_month === undefined || r.g_month === null ? undefined : String(r.g_month),
        accountName:
          r.account_name === undefined
            ? undefined
            : { name: String(r.account_name), channel: r.account_channel as Channel },
        sums: sumsOf(r),
      }));
  }

  /**
   * Without an account or column breakdown: the department rows (部门汇总) of the subtree, which carry the
   * department and channel themselves — a year over the whole tree is a few thousand rows, no join.
   */
  private departmentBranch(where: DepartmentFilter, by: readonly FigureDimension[]): Branch {
    const q = (c: string) => quoted(engineOf(this.ds), c);
    // The whole organisation needs no filter, which lets a range be one clustered scan; a smaller subtree
    // reads its departments' rows through (department, period).
    const [join, scope, scopeParams]: [string, string, SqlValue[]] = where.ownOnly
      ? ['', ' AND r.department_id = ?', [where.departmentId]]
      : isTopDepartment(where.path)
        ? ['', '', []]
        : [' JOIN departments d ON d.id = r.department_id', ' AND d.path LIKE ?', [`${where.path}%`]];
    return (level, month, [range, rangeParams]) => {
      // The caller sends account and column breakdowns to the account rows. Grouped in the key's order
      // (period, department, channel), so the rows group as they are scanned, without a temporary table.
      const groups = DEPARTMENT_KEY_ORDER.filter((d) => by.includes(d)).map(
        (d) => DEPARTMENT_GROUP_SQL(month)[d],
      );
      const select = [
        ...groups.map(([expr, alias]) => `${expr} AS ${alias}`),
        ...publicationCounts.map((c) => `SUM(${COUNT_SQL[c](q, 'r', 'r.channel')}) AS ${q(c)}`),
      ].join(', ');
      return [
        `SELECT ${select} FROM ${DEPARTMENT_LEVELS[level].table} r${join} WHERE (${range})${scope}${
          groups.length ? ` GROUP BY ${groups.map(([e]) => e).join(', ')}` : ''
        }`,
        [...rangeParams, ...scopeParams],
      ] as const;
    };
  }

  /**
   * By account or column: each part first adds up the account rows of the range per account (one clustered
   * range scan, or per account through (account, period) where MariaDB splits the grouping for a small
   * subtree), then joins only those sums to accounts (and departments, for a subtree): a year over 2,000
   * accounts joins 2,000 rows instead of 18,000 (one per account, and per month or column when broken down
   * by them).
   */
  private accountBranch(where: DepartmentFilter, by: readonly FigureDimension[]): Branch {
    const q = (c: string) => quoted(engineOf(this.ds), c);
    // By account, each per-account row of a part is one group already (an account has one department and
    // channel): it is read as it is, with the account's name, and no second grouping over the join.
    const byAccount = by.includes('account');
    const groups = by.map((d) => GROUP_SQL[d]);
    const select = [
      ...groups.map(([expr, alias]) => `${expr} AS ${alias}`),
      ...(byAccount ? ['a.name AS account_name', 'a.channel AS account_channel'] : []),
      ...publicationCounts.map((c) => {
        const count = COUNT_SQL[c](q, 'x', 'a.channel');
        return `${byAccount ? count : `SUM(${count})`} AS ${q(c)}`;
      }),
    ].join(', ');
    // The whole organisation needs no department filter. Its sums are joined to accounts in that order:
    // left to choose, MariaDB recomputed each account's sums through (account, month) — a lateral derived
    // table, right for a county's few accounts — and took 0.1 s for the months of a year over 2,000.
    const whole = !where.ownOnly && isTopDepartment(where.path);
    const [condition, conditionParams] = departmentCondition(where);
    const join = whole
      ? `${engineOf(this.ds) === 'mysql' ? 'STRAIGHT_JOIN' : 'JOIN'} accounts a ON a.id = x.account_id`
      : 'JOIN accounts a ON a.id = x.account_id JOIN departments d ON d.id = a.department_id';
    const scope = whole ? '' : ` WHERE ${condition}`;
    const scopeParams = whole ? [] : conditionParams;
    return (level, month, [range, rangeParams]) => {
      // In the monthly key's order (month, account, column), so MariaDB groups while it scans; unsorted,
      // since MariaDB sorts a GROUP BY's groups unless told not to, and nothing here needs them in order.
      const keys = [
        ...(by.includes('month') ? [[month, 'g_month']] : []),
        ['r.account_id', 'account_id'],
        ...(by.includes('column') ? [['r.column_id', 'column_id']] : []),
      ];
      const perAccount = `SELECT ${keys.map(([e, alias]) => `${e} AS ${alias}`).join(', ')},
               ${ROLLUP_COUNT_COLUMNS.map((c) => `SUM(r.${q(c)}) AS ${q(c)}`).join(', ')}
          FROM ${ACCOUNT_TABLES[level]} r WHERE ${range} GROUP BY ${keys.map(([e]) => e).join(', ')}
         ORDER BY NULL`;
      const regroup = !byAccount && groups.length ? ` GROUP BY ${groups.map(([e]) => e).join(', ')}` : '';
      return [
        `SELECT ${select} FROM (${perAccount}) x ${join}${scope}${regroup}`,
        [...rangeParams, ...scopeParams],
      ] as const;
    };
  }

  /**
   * The enabled accounts that can be stale (feeds are someone else's site) with their latest live
   * publication before `before`, from the (account, status, published_at) index. MariaDB reads it with a
   * loose index scan of the grouped derived table, one dive per account (as a correlated MAX it walked
   * every publication of every account: 0.2 s for 1 M); SQLite has no loose scan but answers the
   * correlated MAX with one dive per account.
   */
  async staleCandidates(where: DepartmentFilter, before: Date): Promise<StaleCandidate[]> {
    const [scope, params] = departmentCondition(where);
    const live = "p.status = 'published' AND p.published_at < ?";
    const [last, join] =
      engineOf(this.ds) === 'mysql'
        ? [
            'l.last',
            `LEFT JOIN (SELECT p.account_id, MAX(p.published_at) AS last FROM publications p
                         WHERE ${live} GROUP BY p.account_id) l ON l.account_id = a.id`,
          ]
        : [`(SELECT MAX(p.published_at) FROM publications p WHERE p.account_id = a.id AND ${live})`, ''];
    const rows = await this.ds.query<
      Array<{
        id: number | string;
        name: string;
        channel: Channel;
        department_id: number | string;
        department_name: string;
        created_at: string | Date;
        last: string | Date | null;
      }>
    >(
      `SELECT a.id, a.name, a.channel, a.department_id, d.name AS department_name, a.created_at, ${last} AS last
         FROM accounts a JOIN departments d ON d.id = a.department_id ${join}
        WHERE ${scope} AND a.disabled = 0 AND a.channel <> 'feed'
        ORDER BY d.path, a.name, a.id`,
      [toDbInstant(this.ds, before), ...params],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      channel: r.channel,
      departmentId: Number(r.department_id),
      departmentName: r.department_name,
      createdAt: fromDbInstant(r.created_at),
      lastPublishedAt: r.last ? fromDbInstant(r.last) : null,
    }));
  }

  /** The departments of a subtree, root first. */
  async subtree(path: string): Promise<DepartmentNode[]> {
    const rows = await this.ds.query<Array<{ id: number | string; name: string; path: string }>>(
      'SELECT id, name, path FROM departments WHERE path LIKE ? ORDER BY path',
      [`${path}%`],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, path: r.path }));
  }

  async accountNames(ids: readonly number[]): Promise<Array<{ id: number; name: string; channel: Channel }>> {
    if (ids.length === 0) return [];
    const rows = await this.ds.query<Array<{ id: number | string; name: string; channel: Channel }>>(
      `SELECT id, name, channel FROM accounts WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [...ids],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, channel: r.channel }));
  }

  async columnNames(ids: readonly number[]): Promise<Array<{ id: number; name: string }>> {
    if (ids.length === 0) return [];
    const rows = await this.ds.query<Array<{ id: number | string; name: string }>>(
      `SELECT id, name FROM columns WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [...ids],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }
}

function optionalNumber(value: string | number | null | undefined): number | undefined {
  return value === undefined || value === null ? undefined : Number(value);
}

function sumsOf(row: Record<string, string | number | null>): Record<PublicationCount, number> {
  const sums = {} as Record<PublicationCount, number>;
  for (const c of publicationCounts) sums[c] = Number(row[c] ?? 0);
  return sums;
}

/** The breakdowns department rows can give. */
type DepartmentDimension = Exclude<FigureDimension, 'account' | 'column'>;

const DEPARTMENT_KEY_ORDER: readonly DepartmentDimension[] = ['month', 'department', 'channel'];

/** Group expression over department rows `r` and its result alias, per breakdown. */
const DEPARTMENT_GROUP_SQL = (month: string): Record<DepartmentDimension, [string, string]> => ({
  department: ['r.department_id', 'g_department'],
  channel: ['r.channel', 'g_channel'],
  month: [month, 'g_month'],
});

/** Group expression over the per-account sums `x` and its result alias, per breakdown. */
const GROUP_SQL: Record<FigureDimension, [string, string]> = {
  department: ['a.department_id', 'g_department'],
  account: ['x.account_id', 'g_account'],
  channel: ['a.channel', 'g_channel'],
  column: ['x.column_id', 'g_column'],
  month: ['x.g_month', 'g_month'],
};

/** Every department hangs under the one top department (the only one without a parent): a one-id path. */
function isTopDepartment(path: string): boolean {
  return /^\/\d+\/$/.test(path);
}

/** The accounts of a subtree (alias `d` for departments, `a` for accounts), or of the department alone. */
export function departmentCondition(where: DepartmentFilter): Condition {
  return where.ownOnly
    ? ['a.department_id = ?', [where.departmentId]]
    : ['d.path LIKE ?', [`${where.path}%`]];
}
