import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type FigureCode,
  figureCatalogue,
  type FigureDimension,
  figureDimensionLabels,
  type FigureRows,
  type FigureRowsQuery,
  type PublicationKind,
} from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { shanghaiDayOf } from '../../common/shanghai-time';
import { type DepartmentFilter } from './figure-counts.repository';
import { FigureQuotaService } from './figure-quota.service';
import { monthEnd } from './figure-range';
import { type PublicationRowFilter, FigureRowsRepository } from './figure-rows.repository';
import { FigureRollupRepository } from './figure-rollup.repository';
import { FigureScope } from './figure-scope';
import { FigureSharedParts } from './figure-shared-parts';
import { staleAccounts, staleAsOf } from './figure-stale';

/** Which live publications each publication figure counts (the catalogue's rules). */
const PUBLICATION_SELECTION: Partial<Record<FigureCode, Partial<PublicationRowFilter>>> = {
  original: { kinds: ['original'] },
  forwarded: { kinds: ['forward'] },
  unclassified: { notKinds: ['original', 'forward'] satisfies PublicationKind[] },
  portalUpdates: { channel: 'portal' },
  pageViews: { channel: 'portal' },
};

const EXCERPT_CHARS = 120;

/** 明细: the rows behind exactly one number of GET /api/figures, narrowed by the key clicked. */
@Injectable()
export class FigureRowsService {
  constructor(
    private readonly scope: FigureScope,
    private readonly repo: FigureRowsRepository,
    private readonly quotas: FigureQuotaService,
    private readonly shared: FigureSharedParts,
    private readonly rollups: FigureRollupRepository,
    private readonly clock: Clock,
  ) {}

  async rows(actor: Actor, q: FigureRowsQuery): Promise<FigureRows> {
    assertQuery(q);
    const root = await this.scope.root(actor, q.department);
    const where: DepartmentFilter = {
      path: root.path,
      departmentId: root.id,
      ownOnly: q.departmentOnly ?? false,
    };
    // A month narrows the range to the days it shares with it.
    const from = q.month && `${q.month}-01` > q.from ? `${q.month}-01` : q.from;
    const to = q.month && monthEnd(q.month) < q.to ? monthEnd(q.month) : q.to;
    const page = <T>(items: T[]) => ({
      items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      total: items.length,
      page: q.page,
      pageSize: q.pageSize,
    });
    const now = this.clock.now();
    switch (figureCatalogue[q.figure].rows) {
      case 'publications':
        return { kind: 'publications', ...(await this.publications(q, where, from, to)) };
      case 'columnPeriods': {
        // Periods belong to the month they start in; the range itself already picks periods by their start.
        const periods = (await this.quotas.judgedPeriods(where, q.from, q.to, shanghaiDayOf(now))).filter(
          (p) =>
            (q.figure !== 'quotaPeriodsMet' || p.outcome === 'met') &&
            (!q.month || p.start.startsWith(q.month)) &&
            (!q.account || p.accountId === q.account) &&
            (!q.column || p.columnId === q.column),
        );
        return {
          kind: 'columnPeriods',
          ...page(
            periods.map((p) => ({
              columnId: p.columnId,
              columnName: p.columnName,
              accountName: p.accountName,
              departmentName: p.departmentName,
              ruleText: p.ruleText,
              start: p.start,
              end: p.end,
              done: p.done,
              outcome: p.outcome,
            })),
          ),
        };
      }
      case 'accounts': {
        // The dashboard lists them while it reads the range's figures: the candidates are read once for both.
        const candidates = await this.shared.staleCandidates(where, q.to, now, await this.rollups.version());
        const stale = staleAccounts(candidates, staleAsOf(q.to, now)).filter(
          (a) => (!q.account || a.id === q.account) && (!q.channel || a.channel === q.channel),
        );
        return {
          kind: 'accounts',
          ...page(
            stale.map((a) => ({
              id: a.id,
              name: a.name,
              channel: a.channel,
              departmentName: a.departmentName,
              lastPublishedAt: a.lastPublishedAt?.toISOString() ?? null,
              daysSilent: a.daysSilent,
            })),
          ),
        };
      }
    }
  }

  private async publications(q: FigureRowsQuery, where: DepartmentFilter, from: string, to: string) {
    const selection = PUBLICATION_SELECTION[q.figure] ?? {};
    const { total, items } = await this.repo.publications(
      {
        where,
        from,
        to,
        ...selection,
        channel: selection.channel ?? q.channel,
        accountId: q.account,
        columnId: q.column,
      },
      q.page,
      q.pageSize,
    );
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: items.map((p) => ({
        id: p.id,
        accountId: p.accountId,
        accountName: p.accountName,
        departmentName: p.departmentName,
        channel: p.channel,
        columnName: p.columnName,
        kind: p.kind,
        title: p.title,
        excerpt: Array.from(p.text).slice(0, EXCERPT_CHARS).join(''),
        url: p.url,
        publishedAt: p.publishedAt.toISOString(),
        reads: p.totals.reads,
        likes: p.totals.likes,
        comments: p.totals.comments,
        reposts: p.totals.reposts,
        pageViews: p.totals.page_views,
      })),
    };
  }
}

/** A filter the figure cannot be broken down by would select rows that do not add up to its number. */
function assertQuery(q: FigureRowsQuery): void {
  const def = figureCatalogue[q.figure];
  const asked: Array<[FigureDimension, unknown]> = [
    ['account', q.account],
    ['channel', q.channel],
    ['column', q.column],
    ['month', q.month],
  ];
  const refused = asked.filter(([d, v]) => v !== undefined && !def.breakdowns.includes(d)).map(([d]) => d);
  const empty = q.from > q.to ? '开始日期不能晚于结束日期' : null;
  const problem =
    empty ??
    (refused.length
      ? `“${def.label}”不能按${refused.map((d) => figureDimensionLabels[d]).join('、')}查看明细，请去掉该条件`
      : null);
  if (problem)
    throw new AppError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      problem,
      empty ? 'from is after to' : `${q.figure} cannot be narrowed by ${refused.join(', ')}`,
      [{ path: empty ? 'from' : refused[0]!, message: problem }],
    );
}
