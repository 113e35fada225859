import type { Account } from '@sunlight/contracts';

export type FailureReason = 'credentials' | 'collection';

/**
 * 采集异常账号: enabled accounts the platform refused (凭据已失效) or whose last collection failed — the
 * same facts the account matrix shows, read from GET /api/accounts. The longest-failing first.
 */
export function failingAccounts(accounts: readonly Account[]): Account[] {
  return accounts
    .filter((a) => !a.disabled && (a.credentialStatus === 'invalid' || a.lastError !== null))
    .sort((a, b) => b.consecutiveFailures - a.consecutiveFailures || a.name.localeCompare(b.name, 'zh-CN'));
}

export function failureReason(account: Account): FailureReason {
  return account.credentialStatus === 'invalid' ? 'credentials' : 'collection';
}
