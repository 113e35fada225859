import { type Account, accountFailing } from '@sunlight/contracts';

export type FailureReason = 'credentials' | 'collection';

/** 采集异常账号 (`accountFailing`, as GET /api/accounts?health=failing lists them), the longest-failing first. */
export function failingAccounts(accounts: readonly Account[]): Account[] {
  return accounts
    .filter(accountFailing)
    .sort((a, b) => b.consecutiveFailures - a.consecutiveFailures || a.name.localeCompare(b.name, 'zh-CN'));
}

export function failureReason(account: Account): FailureReason {
  return account.credentialStatus === 'invalid' ? 'credentials' : 'collection';
}
