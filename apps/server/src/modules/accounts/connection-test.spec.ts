import { describe, expect, it } from 'vitest';
import {
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
  TokenExpiredError,
} from '../../channels/channel-errors';
import { explainFailure } from './connection-test';

describe('explainFailure', () => {
  it('keeps the platform code and words, and says what to do in Chinese', () => {
    const e = explainFailure(new ReauthRequiredError({ code: '40125', message: 'invalid appsecret' }), []);
    expect(e).toEqual({
      message: expect.stringMatching(/凭据/) as string,
      channelCode: '40125',
      channelMessage: 'invalid appsecret',
      credentialsRejected: true,
    });
  });

  it('marks an expired token as rejected credentials', () => {
    const e = explainFailure(new TokenExpiredError({ code: '21327', message: 'expired_token' }), []);
    expect(e.credentialsRejected).toBe(true);
    expect(e.message).toMatch(/重新授权/);
  });

  it('tells when a rate limit resets, in Beijing time', () => {
    const e = explainFailure(
      new RateLimitedError(
        { code: '10023', message: 'User requests out of rate limit!' },
        new Date('2026-03-01T02:00:00Z'),
      ),
      [],
    );
    expect(e.message).toMatch(/10:00（北京时间）/);
    expect(e.credentialsRejected).toBe(false);
  });

  it('masks any credential the platform echoes back', () => {
    const e = explainFailure(new RetryableError({ code: null, message: 'bad key abcd1234 for site' }), [
      'abcd1234',
    ]);
    expect(e.channelMessage).toBe('bad key *** for site');
  });

  it('explains an unexpected error without claiming it came from the platform', () => {
    const e = explainFailure(new TypeError('boom'), []);
    expect(e.channelCode).toBeNull();
    expect(e.channelMessage).toBe('boom');
  });
});
