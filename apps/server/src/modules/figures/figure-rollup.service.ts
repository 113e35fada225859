import { Injectable } from '@nestjs/common';
import { addDays } from '@sunlight/contracts';
import { type EntityManager } from 'typeorm';
import {
  recomputeDepartmentPeriods,
  recomputeDepartmentRange,
  type RollupLevel,
} from './figure-department-rollups';
import { monthEnd } from './figure-range';
import { FigureRollupRepository } from './figure-rollup.repository';

/** Each level and the length of its period key (YYYY-MM-DD, YYYY-MM, YYYY). */
const LEVEL_KEY_LENGTHS: ReadonlyArray<readonly [RollupLevel, number]> = [
  ['daily', 10],
  ['monthly', 7],
  ['yearly', 4],
];

/** Marks one job run takes: a few statements of a few hundred pairs, so the job's transaction stays short. */
export const MARKS_PER_RUN = 2000;

/**
 * 汇总: keeps the rollup rows equal to what the raw rows say. The job recomputes the days that write paths
 * marked; a rebuild recomputes a whole range (after an import written around the write paths, or to check).
 */
@Injectable()
export class FigureRollupService {
  constructor(private readonly repo: FigureRollupRepository) {}

  /**
   * Recomputes the daily rows of the oldest marks and the monthly and yearly rows over them, inside `tx`
   * (the job's transaction), and deletes those marks. Returns whether marks are left for another run.
   */
  async applyMarks(tx: EntityManager, limit = MARKS_PER_RUN): Promise<boolean> {
    const marks = await this.repo.oldestMarks(tx, limit + 1);
    const taken = marks.slice(0, limit);
    if (taken.length === 0) return false;
    const days = uniqueBy(taken, (m) => `${m.accountId}|${m.day}`);
    await this.repo.recomputeDays(tx, days);
    const at = (length: number) =>
      uniqueBy(
        days.map((d) => ({ accountId: d.accountId, period: d.day.slice(0, length) })),
        (m) => `${m.accountId}|${m.period}`,
      );
    // Months from the days, then years from the months: each level adds up the one below it.
    await this.repo.recomputeSummed(tx, 'monthly', at(7));
    await this.repo.recomputeSummed(tx, 'yearly', at(4));
    // Then each level's department rows from its account rows.
    const departments = await this.repo.departmentsOf(tx, [...new Set(days.map((d) => d.accountId))]);
    for (const [level, length] of LEVEL_KEY_LENGTHS)
      await recomputeDepartmentPeriods(
        tx,
        level,
        uniqueBy(
          at(length).flatMap((p) => {
            const departmentId = departments.get(p.accountId);
            return departmentId === undefined ? [] : [{ departmentId, period: p.period }];
          }),
          (m) => `${m.departmentId}|${m.period}`,
        ),
      );
    await this.repo.deleteMarks(
      tx,
      taken.map((m) => m.id),
    );
    await this.repo.bumpVersion(tx);
    return marks.length > limit;
  }

  /** Applies every mark, each batch in its own transaction: for tests and the rebuild command. */
  async applyAllMarks(): Promise<void> {
    while (await this.repo.transaction((tx) => this.applyMarks(tx)));
  }

  /**
   * Recomputes the rollups of the days from..to (inclusive) from raw rows, a month per transaction, with
   * the monthly and yearly rows of that month (a year's rows read its twelve months: each transaction
   * leaves the levels agreeing). Safe while the workers run: marks stay for the job.
   */
  async rebuild(
    from: string,
    to: string,
    progress: (from: string, to: string) => void = () => undefined,
  ): Promise<{ months: number }> {
    let months = 0;
    for (let start = from; start <= to; months++) {
      const last = monthEnd(start.slice(0, 7));
      const end = last < to ? last : to;
      await this.repo.transaction(async (tx) => {
        await this.repo.recomputeDayRange(tx, start, end);
        await this.repo.recomputeSummedRange(tx, 'monthly', start.slice(0, 7), start.slice(0, 7));
        await this.repo.recomputeSummedRange(tx, 'yearly', start.slice(0, 4), start.slice(0, 4));
        await recomputeDepartmentRange(tx, 'daily', start, end);
        await recomputeDepartmentRange(tx, 'monthly', start.slice(0, 7), start.slice(0, 7));
        await recomputeDepartmentRange(tx, 'yearly', start.slice(0, 4), start.slice(0, 4));
        await this.repo.bumpVersion(tx);
      });
      progress(start, end);
      start = addDays(end, 1);
    }
    return { months };
  }
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()];
}
