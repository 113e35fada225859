import {
  type Account,
  calendarDaysBetween,
  credentialStatus,
  type PortalColumn,
  staleAfterDays,
} from '@sunlight/contracts';
import { type AccountEntity, type ColumnEntity } from '../../database/entities';
import { type AccountActivity } from './accounts.repository';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Maps a stored account to what the API shows: flags for the credentials, never their values. */
export function toAccount(
  a: AccountEntity,
  activity: AccountActivity,
  secretsSet: Record<string, boolean>,
  now: Date,
): Account {
  const accessTokenSet = a.accessToken !== null;
  const last = activity.lastPublishedAt;
  // An account that never published counts from the day it was added, so a new one is not flagged at once.
  const quietDays = calendarDaysBetween(last ?? a.createdAt, now);
  return {
    id: a.id,
    departmentId: a.departmentId,
    departmentName: a.department?.name ?? '',
    channel: a.channel,
    name: a.name,
    baseUrl: a.baseUrl,
    settings: JSON.parse(a.settings) as Record<string, string>,
    secretsSet,
    accessTokenSet,
    tokenExpiresAt: iso(a.tokenExpiresAt),
    credentialStatus: credentialStatus(
      {
        channel: a.channel,
        secretsSet,
        accessTokenSet,
        tokenExpiresAt: a.tokenExpiresAt,
        authFailedAt: a.authFailedAt,
      },
      now,
    ),
    disabled: a.disabled,
    lastCollectedAt: iso(a.lastCollectedAt),
    lastError: a.lastError,
    lastErrorAt: iso(a.lastErrorAt),
    consecutiveFailures: a.consecutiveFailures,
    backoffUntil: iso(a.backoffUntil),
    lastPublishedAt: iso(last),
    daysSinceLastPublication: last ? calendarDaysBetween(last, now) : null,
    stale: !a.disabled && quietDays >= staleAfterDays,
    columnCount: activity.columnCount,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Needs the column's account with its department, and the responsible department when one is set. */
export function toPortalColumn(c: ColumnEntity): PortalColumn {
  const accountDepartment = c.account?.department;
  if (!accountDepartment) throw new Error(`column ${c.id} was loaded without its account's department`);
  const responsible = c.responsibleDepartment ?? accountDepartment;
  return {
    id: c.id,
    accountId: c.accountId,
    code: c.code,
    name: c.name,
    quota:
      c.quotaPeriod === null || c.quotaMin === null
        ? null
        : { period: c.quotaPeriod, min: c.quotaMin, max: c.quotaMax },
    responsibleDepartmentId: responsible.id,
    responsibleDepartmentName: responsible.name,
    responsibleDepartmentSet: c.responsibleDepartmentId !== null,
    disabled: c.disabled,
    createdAt: c.createdAt.toISOString(),
  };
}
