import type { Account } from '@sunlight/contracts';

export type FailureReason = 'credentials' | 'collection';

/** 采集异常账号 (as GET /api/accounts?health=failing lists them) in the order shown: the longest-failing first. */
export function longestFailingFirst(accounts: readonly Account[]): Account[] {
  return [...accounts].sort(
    (a, b) => b.consecutiveFailures - a.consecutiveFailures || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

export function failureReason(account: Account): FailureReason {
  return account.credentialStatus === 'invalid' ? 'credentials' : 'collection';
}
