import { describe, expect, it } from 'vitest';
import { account } from '@/testing/accounts';
import { failureReason, longestFailingFirst } from './account-health';

describe('failing accounts', () => {
  // As GET /api/accounts?health=failing lists them: in department order.
  const accounts = [
    account({ id: 2, name: '西城发布', lastError: '渠道返回 500', consecutiveFailures: 2 }),
    account({ id: 3, name: '南湖警方', credentialStatus: 'invalid' }),
    account({ id: 7, name: '东城警方', credentialStatus: 'invalid' }),
    account({ id: 5, name: '门户网站', lastError: '连接被拒绝', consecutiveFailures: 5 }),
  ];

  it('are shown the longest failing first, then by name', () => {
    expect(longestFailingFirst(accounts).map((a) => a.id)).toEqual([5, 2, 7, 3]);
    expect(accounts.map((a) => a.id)).toEqual([2, 3, 7, 5]);
  });

  it('say why: refused credentials before a failed collection', () => {
    expect(failureReason(accounts[1]!)).toBe('credentials');
    expect(failureReason(accounts[0]!)).toBe('collection');
    expect(failureReason(account({ credentialStatus: 'invalid', lastError: '令牌已失效' }))).toBe(
      'credentials',
    );
  });
});
