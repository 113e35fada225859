import { describe, expect, it } from 'vitest';
import { account } from '@/testing/accounts';
import { failingAccounts, failureReason } from './account-health';

describe('failing accounts', () => {
  const accounts = [
    account({ id: 1, name: '平安东城' }),
    account({ id: 2, name: '西城发布', lastError: '渠道返回 500', consecutiveFailures: 2 }),
    account({ id: 3, name: '南湖警方', credentialStatus: 'invalid' }),
    account({ id: 4, name: '已停用号', lastError: '超时', consecutiveFailures: 9, disabled: true }),
    account({ id: 5, name: '门户网站', lastError: '连接被拒绝', consecutiveFailures: 5 }),
    account({ id: 6, name: '即将过期', credentialStatus: 'expiring' }),
  ];

  it('are enabled accounts with a collection error or refused credentials, the longest failing first', () => {
    expect(failingAccounts(accounts).map((a) => a.id)).toEqual([5, 2, 3]);
  });

  it('say why: refused credentials before a failed collection', () => {
    expect(failureReason(accounts[2]!)).toBe('credentials');
    expect(failureReason(accounts[1]!)).toBe('collection');
    expect(failureReason(account({ credentialStatus: 'invalid', lastError: '令牌已失效' }))).toBe(
      'credentials',
    );
  });
});
