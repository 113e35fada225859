import { Injectable } from '@nestjs/common';
import { shanghaiDayOf } from '../../common/shanghai-time';
import { FigureCache } from './figure-cache';
import {
  type DepartmentFilter,
  FigureCountsRepository,
  type StaleCandidate,
} from './figure-counts.repository';
import { type JudgedCount, FigureQuotaService } from './figure-quota.service';
import { staleAsOf } from './figure-stale';

/** Departments × ranges whose shared parts are kept at once: one entry can hold thousands of rows. */
const SHARED_ENTRIES = 50;

/**
 * The dearest parts of the figures, which depend on the department and range alone — not on the figures
 * or breakdowns asked: the dashboard asks for one range several ways at once (its figures and its list of
 * stale accounts), and each is computed once per rollup version (and at most 60 s, as the result cache),
 * shared while in flight.
 */
@Injectable()
export class FigureSharedParts {
  private readonly quota = new FigureCache<Promise<JudgedCount[]>>(60_000, SHARED_ENTRIES);
  private readonly stale = new FigureCache<Promise<StaleCandidate[]>>(60_000, SHARED_ENTRIES);

  constructor(
    private readonly counts: FigureCountsRepository,
    private readonly quotas: FigureQuotaService,
  ) {}

  /** The accounts that may be 超期未更新 at the end of a range ending `to`. */
  staleCandidates(
    where: DepartmentFilter,
    to: string,
    now: Date,
    version: number,
  ): Promise<StaleCandidate[]> {
    return this.stale.share(keyOf(where, [to], now), version, now.getTime(), () =>
      this.counts.staleCandidates(where, staleAsOf(to, now)),
    );
  }

  /** 栏目更新达标率's judged and met periods per column (and month) of a range. */
  judgedCounts(
    where: DepartmentFilter,
    from: string,
    to: string,
    byMonth: boolean,
    now: Date,
    version: number,
  ): Promise<JudgedCount[]> {
    return this.quota.share(keyOf(where, [from, to, byMonth], now), version, now.getTime(), () =>
      this.quotas.judgedCounts(where, from, to, shanghaiDayOf(now), byMonth),
    );
  }
}

/** A subtree's or a department's own (本级) part for a range, as of today. */
function keyOf(where: DepartmentFilter, range: unknown[], now: Date): string {
  return JSON.stringify([
    where.path,
    where.ownOnly ? where.departmentId : null,
    ...range,
    shanghaiDayOf(now),
  ]);
}
