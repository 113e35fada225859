import { describe, expect, it } from 'vitest';
import {
  DuplicateContentError,
  MalformedResponseError,
  OutcomeUnknownError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
  TokenExpiredError,
} from '../../channels/channel-errors';
import { MAX_SEND_ATTEMPTS, outcomeOfAbsence, outcomeOfError, outcomeOfStatus } from './dispatch-outcome';

const now = new Date('2026-03-01T02:00:00Z');
const fault = { code: 'x', message: '说明' };

describe('what a failed send means', () => {
  it('asks the channel before anything is sent again when the outcome is not known', () => {
    for (const err of [
      new DuplicateContentError(fault),
      new OutcomeUnknownError(fault),
      new MalformedResponseError(fault),
      new Error('socket'),
    ])
      expect(outcomeOfError(err, 1, now)).toBeNull();
  });

  it('backs off a retryable failure and gives up after the last attempt', () => {
    const first = outcomeOfError(new RetryableError(fault), 1, now, () => 1);
    expect(first).toMatchObject({ kind: 'retry', at: new Date(now.getTime() + 2000) });
    expect(outcomeOfError(new RetryableError(fault), MAX_SEND_ATTEMPTS, now)).toMatchObject({
      kind: 'failed',
      failure: 'retryable',
    });
  });

  it('backs off a send the channel, asked after an unknown outcome, does not have: never again at once', () => {
    expect(outcomeOfAbsence('HTTP 502', 1, now, () => 0)).toMatchObject({
      kind: 'retry',
      at: new Date(now.getTime() + 1000),
    });
    expect(outcomeOfAbsence('HTTP 502', 3, now, () => 1)).toMatchObject({
      at: new Date(now.getTime() + 8000),
    });
    // Never more than two minutes apart: the post is due now.
    expect(outcomeOfAbsence('HTTP 502', 9, now, () => 1)).toMatchObject({
      at: new Date(now.getTime() + 120_000),
    });
    expect(outcomeOfAbsence('HTTP 502', MAX_SEND_ATTEMPTS, now)).toMatchObject({
      kind: 'failed',
      failure: 'retryable',
    });
  });

  it('waits for a rate limit to reset and refreshes an expired token', () => {
    const resetAt = new Date(now.getTime() + 600_000);
    expect(outcomeOfError(new RateLimitedError(fault, resetAt), 1, now)).toMatchObject({ at: resetAt });
    expect(outcomeOfError(new TokenExpiredError(fault), 1, now)).toMatchObject({ refreshToken: true });
  });

  it('fails for good with the channel’s words when a person must act', () => {
    for (const err of [new PermanentError(fault), new ReauthRequiredError(fault)])
      expect(outcomeOfError(err, 1, now)).toEqual({ kind: 'failed', failure: 'permanent', note: 'x: 说明' });
  });

  it('reads the channel’s answer to “did it go out?”', () => {
    expect(outcomeOfStatus({ state: 'absent' }, null)).toBeNull();
    expect(outcomeOfStatus({ state: 'pending', externalId: 'p1' }, null)).toMatchObject({
      poll: true,
      accepted: true,
    });
    const live = { state: 'published' as const, externalId: 'w1', url: null, publishedAt: now };
    expect(outcomeOfStatus(live, null)).toMatchObject({ kind: 'published', confirmed: false });
    expect(outcomeOfStatus(live, null, true)).toMatchObject({ kind: 'published', confirmed: true });
    expect(outcomeOfStatus({ state: 'failed', reason: '审核未通过' }, null)).toMatchObject({
      kind: 'failed',
      note: '审核未通过',
    });
  });
});
