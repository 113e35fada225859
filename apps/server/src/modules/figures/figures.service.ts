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
import { rollupCover } from './figure-range';
import { FigureRollupRepository } from './figure-rollup.repository';
import { type FigureRoot, FigureScope } from './figure-scope';
import { FigureSharedParts } from './figure-shared-parts';
import { staleAccounts, staleAsOf } from './figure-stale';
import { FigureGroups, figureValuesOf } from './figure-values';

/** The figures each source of counts answers, by the rows behind them (the catalogue's drill-down kind). */
const PUBLICATION_FIGURES = figureCodes.filter((c) => figureCatalogue[c].rows === 'publications');
const QUOTA_FIGURES = figureCodes.filter((c) => figureCatalogue[c].rows === 'columnPeriods');

/** The breakdowns each source of counts can be grouped by. */
const STALE_DIMENSIONS: readonly FigureDimension[] = ['department', 'account', 'channel'];
const QUOTA_DIMENSIONS: readonly FigureDimension[] = ['department', 'account', 'column', 'month'];

/** What one stale account counts. */
const STALE_COUNT = { staleAccounts: 1 } as const;

/** 统计指标: the catalogue's figures for a subtree and range, with breakdowns; read from rollups. */
@Injectable()
export class FiguresService {
  private readonly cache = new FigureCache<FigureResult>();

  constructor(
    private readonly scope: FigureScope,
    private readonly counts: FigureCountsRepository,
    private readonly shared: FigureSharedParts,
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
    const wants = (family: readonly FigureCode[]) => codes.some((c) => family.includes(c));
    const [tree, sums, candidates, quotaCounts] = await Promise.all([
      this.counts.subtree(root.path),
      wants(PUBLICATION_FIGURES)
        ? this.counts.publicationSums(where, rollupCover(from, to, { years: !by.includes('month') }), by)
        : [],
      codes.includes('staleAccounts') ? this.shared.staleCandidates(where, to, now, version) : [],
      wants(QUOTA_FIGURES)
        ? this.shared.judgedCounts(where, from, to, by.includes('month'), now, version)
        : [],
    ]);
    const groups = new FigureGroups(by, departmentBuckets(root, tree));
    // Each source of counts keyed by what it can be broken down by: asked for another breakdown, it counts
    // toward the totals alone.
    const sumsGrouped = groups.breaksDown(by);
    for (const row of sums) groups.add(sumsGrouped ? row : null, row.sums);
    const staleGrouped = groups.breaksDown(STALE_DIMENSIONS);
    for (const a of staleAccounts(candidates, staleAsOf(to, now)))
      groups.add(
        staleGrouped ? { department: a.departmentId, account: a.id, channel: a.channel } : null,
        STALE_COUNT,
      );
    const quotaGrouped = groups.breaksDown(QUOTA_DIMENSIONS);
    for (const c of quotaCounts) groups.add(quotaGrouped ? c : null, c.counts);
    const valuesOf = figureValuesOf(codes, by);
    const rows = groups
      .rows()
      .map(({ key, counted }) => ({ key, values: valuesOf(counted) }))
      .sort(compareKeys(tree));
    return {
      department: { id: root.id, name: root.name },
      from,
      to,
      totals: figureValuesOf(codes, [])(groups.total),
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
    // One pass over the keys: an account breakdown has thousands.
    const departments = new Set<number>();
    const accountIds = new Set<number>();
    const columnIds = new Set<number>();
    for (const k of keys) {
      if (k.department) departments.add(k.department);
      if (k.account) accountIds.add(k.account);
      if (k.column) columnIds.add(k.column);
    }
    const [asked, columns] = await Promise.all([
      this.counts.accountNames([...accountIds].filter((id) => !known.has(id))),
      this.counts.columnNames([...columnIds]),
    ]);
    const accounts: FigureResult['names']['accounts'] = {};
    for (const id of accountIds) {
      const a = known.get(id);
      if (a) accounts[String(id)] = a;
    }
    for (const a of asked) accounts[String(a.id)] = { name: a.name, channel: a.channel };
    return {
      departments: Object.fromEntries(
        tree.filter((d) => departments.has(d.id)).map((d) => [String(d.id), d.name]),
      ),
      accounts,
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

type AccountName = { name: string; channel: Channel };

/** Accounts whose name and channel came with their counts. */
function knownAccounts(
  sums: readonly PublicationSumRow[],
  candidates: readonly StaleCandidate[],
): Map<number, AccountName> {
  const known = new Map<number, AccountName>();
  for (const c of candidates) known.set(c.id, { name: c.name, channel: c.channel });
  for (const row of sums)
    if (row.account !== undefined && row.accountName) known.set(row.account, row.accountName);
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
