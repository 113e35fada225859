import { describe, expect, it } from 'vitest';
import { account } from '@/testing/accounts';
import { draftOf, settingFields, settingsOf, tokenChange, typedSecrets } from './account-fields';

describe('account form fields', () => {
  it('asks each channel for the settings its contract declares', () => {
    expect(settingFields('wechat')).toEqual([{ key: 'appid', required: true }]);
    expect(settingFields('weibo')).toEqual([{ key: 'uid', required: false }]);
    expect(settingFields('portal').map((f) => f.key)).toEqual(['siteId', 'feedUrl']);
  });

  it('sends only the settings filled in and the secrets typed', () => {
    const draft = draftOf(undefined, 'portal', 7);
    draft.settings = { siteId: ' dc ', feedUrl: '', stray: 'x' };
    draft.secrets = { apiKey: '  ' };
    expect(settingsOf(draft)).toEqual({ siteId: 'dc' });
    expect(typedSecrets(draft)).toBeUndefined();
    draft.secrets = { apiKey: 'k-1' };
    expect(typedSecrets(draft)).toEqual({ apiKey: 'k-1' });
  });

  it('never prefills a secret when editing', () => {
    const draft = draftOf(account({ secretsSet: { appKey: true, appSecret: true } }), 'weibo');
    expect(draft.secrets).toEqual({});
    expect(draft.accessToken).toBe('');
  });

  it('sends a typed token with its expiry, or a changed expiry alone', () => {
    const stored = account({ accessTokenSet: true, tokenExpiresAt: '2026-06-01T00:00:00.000Z' });
    const draft = draftOf(stored, 'weibo');
    expect(tokenChange(draft, stored)).toBeUndefined();
    draft.tokenExpiresAt = '2026-09-01T00:00:00.000Z';
    expect(tokenChange(draft, stored)).toEqual({ tokenExpiresAt: '2026-09-01T00:00:00.000Z' });
    draft.accessToken = '2.00abc';
    expect(tokenChange(draft, stored)).toEqual({
      accessToken: '2.00abc',
      tokenExpiresAt: '2026-09-01T00:00:00.000Z',
    });
    expect(tokenChange(draftOf(undefined, 'wechat'), undefined)).toBeUndefined();
  });
});
