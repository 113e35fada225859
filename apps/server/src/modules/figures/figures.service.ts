import { Injectable } from '@nestjs/common';
import {
  type Channel,
  type FigureCode,
  figureCatalogue,
  figureCodes,
  type FigureDimension,
  type FigureQuery,
  type FigureResult,
  type FigureRowKey,
} from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { shanghaiDayOf } from '../../common/shanghai-time';
import { FigureCache } from './figure-cache';
import {
  type DepartmentFilter,
  type DepartmentNode,
  FigureCountsRepository,
  type PublicationSumRow,
  type StaleCandidate,
} from './figure-counts.repository';
import { type JudgedCount, FigureQuotaService } from './figure-quota.service';
import { rollupCover } from './figure-range';
import { FigureRollupRepository } from './figure-rollup.repository';
import { type FigureRoot, FigureScope } from './figure-scope';
import { staleAccounts, staleAsOf } from './figure-stale';
import { FigureGroups, figureValues } from './figure-values';

/** The figures each source of counts answers, by the rows behind them (the catalogue's drill-down kind). */
const PUBLICATION_FIGURES = figureCodes.filter((c) => figureCatalogue[c].rows === 'publications');
const QUOTA_FIGURES = figureCodes.filter((c) => figureCatalogue[c].rows === 'columnPeriods');

/** Departments × ranges whose shared parts are kept at once. */
const SHARED_ENTRIES = 50;

/** The breakdowns each source of counts can be grouped by. */
const STALE_DIMENSIONS: readonly FigureDimension[] = ['department', 'account', 'channel'];
const QUOTA_DIMENSIONS: readonly FigureDimension[] = ['department', 'account', 'column', 'month'];

/** 统计指标: the catalogue's figures for a subtree and range, with breakdowns; read from rollups. */
@Injectable()
export class FiguresService {
  private readonly cache = new FigureCache<FigureResult>();
  /**
   * What depends on the department and range alone, not on the figures or breakdowns asked: the dashboard
   * asks for one range several ways at once, and these are the dearest parts of each answer. Fewer entries
   * than the result cache: one can hold thousands of rows.
   */
  private readonly quotaCache = new FigureCache<Promise<JudgedCount[]>>(60_000, SHARED_ENTRIES);
  private readonly staleCache = new FigureCache<Promise<StaleCandidate[]>>(60_000, SHARED_ENTRIES);

  constructor(
    private readonly scope: FigureScope,
    private readonly counts: FigureCountsRepository,
    private readonly quotas: FigureQuotaService,
    private readonly rollups: FigureRollupRepository,
    private readonly clock: Clock,
  ) {}

  async figures(actor: Actor, q: FigureQuery): Promise<FigureResult> {
    // Two independent reads, one round trip of waiting.
    const [root, version] = await Promise.all([this.scope.root(actor, q.department), this.rollups.version()]);
    const now = this.clock.now();
    const codes = figureCodes.filter((c) => !q.figures || q.figures.includes(c));
    const by = [...new Set(q.by ?? [])];
    const today = shanghaiDayOf(now);
    const key = JSON.stringify([root.id, q.from, q.to, codes, by, today, this.scope.paths(actor)]);
    const cached = this.cache.get(key, version, now.getTime());
    if (cached) return cached;
    const result = await this.compute(root, q.from, q.to, codes, by, now, version);
    this.cache.set(key, version, now.getTime(), result);
    return result;
  }

  private async compute(
    root: FigureRoot,
    from: string,
    to: string,
    codes: readonly FigureCode[],
    by: readonly FigureDimension[],
    now: Date,
    version: number,
  ): Promise<FigureResult> {
    const where: DepartmentFilter = { path: root.path, departmentId: root.id, ownOnly: false };
    const today = shanghaiDayOf(now);
    const wants = (family: readonly FigureCode[]) => codes.some((c) => family.includes(c));
    const byMonth = by.includes('month');
    const shared = <T>(cache: FigureCache<Promise<T>>, key: unknown[], work: () => Promise<T>) =>
      cache.share(JSON.stringify([root.path, ...key, today]), version, now.getTime(), work);
    const [tree, sums, candidates, quotaCounts] = await Promise.all([
      this.counts.subtree(root.path),
      wants(PUBLICATION_FIGURES)
        ? this.counts.publicationSums(where, rollupCover(from, to, { years: !by.includes('month') }), by)
        : [],
      codes.includes('staleAccounts')
        ? shared(this.staleCache, [to], () => this.counts.staleCandidates(where, staleAsOf(to, now)))
        : [],
      wants(QUOTA_FIGURES)
        ? shared(this.quotaCache, [from, to, byMonth], () =>
            this.quotas.judgedCounts(where, from, to, today, byMonth),
          )
        : [],
    ]);
    const bucket = departmentBuckets(root, tree);
    const keyOf = (dims: readonly FigureDimension[], k: FigureRowKey & { department?: number }) =>
      by.length === 0 || by.some((d) => !dims.includes(d)) ? null : pick(k, by, bucket);
    const groups = new FigureGroups();
    for (const row of sums) groups.add(keyOf(by, sumKey(row)), row.sums);
    for (const a of staleAccounts(candidates, staleAsOf(to, now)))
      groups.add(keyOf(STALE_DIMENSIONS, { department: a.departmentId, account: a.id, channel: a.channel }), {
        staleAccounts: 1,
      });
    for (const c of quotaCounts)
      groups.add(
        keyOf(QUOTA_DIMENSIONS, {
          department: c.departmentId,
          account: c.accountId,
          column: c.columnId,
          ...(c.month ? { month: c.month } : {}),
        }),
        { quotaPeriods: c.quotaPeriods, quotaPeriodsMet: c.quotaPeriodsMet },
      );
    const rows = groups
      .rows()
      .map(({ key, counted }) => ({ key, values: figureValues(counted, codes, by) }))
      .sort(compareKeys(tree));
    return {
      department: { id: root.id, name: root.name },
      from,
      to,
      totals: figureValues(groups.total, codes, []),
      by: [...by],
      rows,
      names: await this.names(
        rows.map((r) => r.key),
        tree,
        by.includes('account') ? knownAccounts(sums, candidates) : new Map(),
      ),
    };
  }

  /** The names of what the rows are keyed by; accounts already read with their figures are not asked again. */
  private async names(
    keys: readonly FigureRowKey[],
    tree: readonly DepartmentNode[],
    known: ReadonlyMap<number, AccountName>,
  ): Promise<FigureResult['names']> {
    const ids = (field: 'account' | 'column') => [
      ...new Set(keys.flatMap((k) => (k[field] ? [k[field]] : []))),
    ];
    const accountIds = ids('account');
    const [asked, columns] = await Promise.all([
      this.counts.accountNames(accountIds.filter((id) => !known.has(id))),
      this.counts.columnNames(ids('column')),
    ]);
    const accounts = [
      ...accountIds.flatMap((id) => {
        const a = known.get(id);
        return a ? [{ id, ...a }] : [];
      }),
      ...asked,
    ];
    const departments = new Set(keys.flatMap((k) => (k.department ? [k.department] : [])));
    return {
      departments: Object.fromEntries(
        tree.filter((d) => departments.has(d.id)).map((d) => [String(d.id), d.name]),
      ),
      accounts: Object.fromEntries(accounts.map((a) => [String(a.id), { name: a.name, channel: a.channel }])),
      columns: Object.fromEntries(columns.map((c) => [String(c.id), c.name])),
    };
  }
}

/**
 * Under a department breakdown each account's department counts toward the chosen department itself
 * (本级) or toward the direct child whose subtree holds it.
 */
function departmentBuckets(root: FigureRoot, tree: readonly DepartmentNode[]): (id: number) => number {
  // Worked out once per department: it is asked for every rollup row and column-period.
  const buckets = new Map(
    tree.map((d) => {
      const rest = d.path.slice(root.path.length);
      return [d.id, rest ? Number(rest.split('/')[0]) : root.id];
    }),
  );
  return (id) => buckets.get(id) ?? root.id;
}

function pick(k: FigureRowKey, by: readonly FigureDimension[], bucket: (id: number) => number): FigureRowKey {
  const key: FigureRowKey = {};
  for (const d of by) {
    if (d === 'department') key.department = bucket(k.department!);
    else if (d === 'column') {
      // Publications outside any column form their own group, keyed without a column.
      if (k.column) key.column = k.column;
    } else if (d === 'channel') key.channel = k.channel;
    else key[d] = k[d] as never;
  }
  return key;
}

function sumKey(row: PublicationSumRow): FigureRowKey {
  return {
    department: row.departmentId,
    account: row.accountId,
    channel: row.channel,
    column: row.columnId,
    month: row.month,
  };
}

type AccountName = { name: string; channel: Channel };

/** Accounts whose name and channel came with their counts. */
function knownAccounts(
  sums: readonly PublicationSumRow[],
  candidates: readonly StaleCandidate[],
): Map<number, AccountName> {
  const known = new Map<number, AccountName>();
  for (const c of candidates) known.set(c.id, { name: c.name, channel: c.channel });
  for (const row of sums)
    if (row.accountId !== undefined && row.account) known.set(row.accountId, row.account);
  return known;
}

/** Departments in tree order (本级 first), then accounts, channels, columns and months in order. */
function compareKeys(tree: readonly DepartmentNode[]) {
  const position = new Map(tree.map((d, i) => [d.id, i]));
  const order = (id: number | undefined) => (id === undefined ? -1 : (position.get(id) ?? -1));
  return ({ key: a }: { key: FigureRowKey }, { key: b }: { key: FigureRowKey }): number =>
    order(a.department) - order(b.department) ||
    (a.account ?? 0) - (b.account ?? 0) ||
    (a.channel ?? '').localeCompare(b.channel ?? '') ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.month ?? '').localeCompare(b.month ?? '');
}
