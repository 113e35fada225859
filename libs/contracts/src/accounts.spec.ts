import { describe, expect, it } from 'vitest';
import {
  accountFailing,
  calendarDaysBetween,
  channelFieldIssues,
  credentialStatus,
  type CredentialFacts,
  describeQuota,
} from './accounts';

const DAY = 24 * 3600 * 1000;

describe('describeQuota', () => {
  it('words a quota the way inspections do', () => {
    expect(describeQuota({ period: 'day', min: 7, max: 7 })).toBe('每日7条');
    expect(describeQuota({ period: 'month', min: 1, max: null })).toBe('每月至少1条');
    expect(describeQuota({ period: 'month', min: 2, max: 3 })).toBe('每月2–3条');
    expect(describeQuota({ period: 'quarter', min: 1, max: null })).toBe('每季度至少1条');
    expect(describeQuota(null)).toBe('不考核');
  });
});

describe('calendarDaysBetween', () => {
  it('counts Beijing calendar days, not 24-hour spans', () => {
    // 23:00 and 01:00 the next day in Beijing: two hours apart, one calendar day.
    expect(calendarDaysBetween(new Date('2026-03-01T15:00:00Z'), new Date('2026-03-01T17:00:00Z'))).toBe(1);
    expect(calendarDaysBetween(new Date('2026-03-01T01:00:00Z'), new Date('2026-03-01T10:00:00Z'))).toBe(0);
    expect(calendarDaysBetween(new Date('2026-03-01T04:00:00Z'), new Date('2026-03-15T04:00:00Z'))).toBe(14);
  });

  it('never goes negative for a time in the future', () => {
    expect(calendarDaysBetween(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-01T00:00:00Z'))).toBe(0);
  });
});

describe('credentialStatus', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const weibo: CredentialFacts = {
    channel: 'weibo',
    secretsSet: { appKey: true, appSecret: true },
    accessTokenSet: true,
    tokenExpiresAt: new Date(now.getTime() + 30 * DAY),
    authFailedAt: null,
  };

  it('is valid, expiring within 7 days, and invalid once expired or refused', () => {
    expect(credentialStatus(weibo, now)).toBe('valid');
    expect(credentialStatus({ ...weibo, tokenExpiresAt: new Date(now.getTime() + 6 * DAY) }, now)).toBe(
      'expiring',
    );
    expect(credentialStatus({ ...weibo, tokenExpiresAt: new Date(now.getTime() - 1) }, now)).toBe('invalid');
    expect(credentialStatus({ ...weibo, authFailedAt: now }, now)).toBe('invalid');
  });

  it('is missing while a secret or the token is not set', () => {
    expect(credentialStatus({ ...weibo, accessTokenSet: false }, now)).toBe('missing');
    expect(credentialStatus({ ...weibo, secretsSet: { appKey: true } }, now)).toBe('missing');
  });

  it('needs no token where the server fetches one, and nothing at all for a feed', () => {
    const wechat: CredentialFacts = {
      ...weibo,
      channel: 'wechat',
      secretsSet: { secret: true },
      accessTokenSet: false,
    };
    expect(credentialStatus(wechat, now)).toBe('valid');
    expect(credentialStatus({ ...weibo, channel: 'feed', secretsSet: {} }, now)).toBe('not_required');
  });
});

describe('channelFieldIssues', () => {
  it('accepts the channel’s own fields and names the wrong ones', () => {
    expect(channelFieldIssues('wechat', { appid: 'wx1234567890abcdef' }, { secret: 'x' })).toEqual([]);
    const issues = channelFieldIssues('wechat', { appid: 'wx12345678', uid: '1' }, { apiKey: 'x' });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['settings', 'secrets.apiKey']);
    expect(channelFieldIssues('feed', { url: 'ftp://x' }, undefined).map((i) => i.path.join('.'))).toEqual([
      'settings.url',
    ]);
  });
});

describe('accountFailing', () => {
  const facts = { disabled: false, credentialStatus: 'valid', lastError: null } as const;

  it('is an enabled account the platform refused or whose last collection failed', () => {
    expect(accountFailing(facts)).toBe(false);
    expect(accountFailing({ ...facts, lastError: '渠道返回 500' })).toBe(true);
    expect(accountFailing({ ...facts, credentialStatus: 'invalid' })).toBe(true);
    expect(accountFailing({ ...facts, credentialStatus: 'expiring' })).toBe(false);
    expect(accountFailing({ ...facts, lastError: '超时', disabled: true })).toBe(false);
  });
});
