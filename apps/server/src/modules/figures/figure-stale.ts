import { calendarDaysBetween, staleAfterDays } from '@sunlight/contracts';
import { shanghaiDayEnd } from '../../common/shanghai-time';
import { type StaleCandidate } from './figure-counts.repository';

export interface StaleAccount extends StaleCandidate {
  /** Whole days without a publication at the as-of instant; null when it never published by then. */
  daysSilent: number | null;
}

/** 超期未更新 is judged at the range's last day, or now while that day has not ended. */
export function staleAsOf(to: string, now: Date): Date {
  const end = shanghaiDayEnd(to);
  return end < now ? new Date(end.getTime() - 1) : now;
}

/**
 * The candidates silent for `staleAfterDays` calendar days or more at `asOf`. One that never published
 * counts from the day it was added, as the account matrix counts it: a new account is not flagged at once.
 */
export function staleAccounts(candidates: readonly StaleCandidate[], asOf: Date): StaleAccount[] {
  return candidates.flatMap((c) => {
    const silent = calendarDaysBetween(c.lastPublishedAt ?? c.createdAt, asOf);
    return silent >= staleAfterDays ? [{ ...c, daysSilent: c.lastPublishedAt ? silent : null }] : [];
  });
}
