import { describe, expect, it } from 'vitest';
import {
  MalformedResponseError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
  TokenExpiredError,
} from '../../channels/channel-errors';
import { SecretBoxError } from '../../common/secret-box';
import { BACKOFF_CAP_MS, backoffMs, PERMANENT_PAUSE_MS, planFailure } from './collection-failure';

const now = new Date('2026-11-23T08:00:00Z');
const fault = { code: '10001', message: 'system error, token=SECRET-TOKEN-VALUE' };
const waitMs = (p: { backoffUntil: Date | null }) => p.backoffUntil!.getTime() - now.getTime();

describe('collection failure plan', () => {
  it('doubles the wait with each consecutive transient failure, within half to all of it, up to an hour', () => {
    expect(backoffMs(1, () => 0)).toBe(15_000);
    expect(backoffMs(1, () => 1)).toBe(30_000);
    expect(backoffMs(3, () => 1)).toBe(120_000);
    expect(backoffMs(40, () => 1)).toBe(BACKOFF_CAP_MS);
    const p = planFailure(new RetryableError(fault), 2, now, [], () => 1);
    expect(p).toMatchObject({ class: 'transient', failures: 2, authFailed: false });
    expect(waitMs(p)).toBe(60_000);
    expect(planFailure(new MalformedResponseError(fault), 1, now, []).class).toBe('transient');
  });

  it('explains in Chinese, then quotes the channel, with secrets masked', () => {
    const p = planFailure(new RetryableError(fault), 1, now, ['SECRET-TOKEN-VALUE']);
    expect(p.lastError).toBe(
      '采集失败：渠道暂时无法访问（网络故障或服务繁忙），请检查接口地址或稍后重试。渠道返回：10001 system error, token=***',
    );
  });

  it('waits for the rate-limit reset, with a few seconds of jitter', () => {
    const resetAt = new Date(now.getTime() + 600_000);
    const p = planFailure(new RateLimitedError(fault, resetAt), 1, now, [], () => 1);
    expect(waitMs(p)).toBe(605_000);
    // A reset in the past still waits a moment.
    expect(waitMs(planFailure(new RateLimitedError(fault, now), 1, now, [], () => 0))).toBe(1000);
  });

  it('retries an expired token at once the first time, and backs off when it keeps failing', () => {
    expect(planFailure(new TokenExpiredError(fault), 1, now, []).backoffUntil).toBeNull();
    const again = planFailure(new TokenExpiredError(fault), 2, now, [], () => 1);
    expect(again.class).toBe('token');
    expect(waitMs(again)).toBe(30_000);
    expect(again.lastError).toMatch(/^采集失败：访问令牌已过期或已被替换，正在自动刷新后重试/);
  });

  it('marks refused credentials for a person to fix, and pauses a permanent refusal for a day', () => {
    expect(planFailure(new ReauthRequiredError(fault), 1, now, [])).toMatchObject({
      class: 'credentials',
      authFailed: true,
      backoffUntil: null,
    });
    expect(planFailure(new SecretBoxError('bad key'), 1, now, []).lastError).toMatch(/无法解密/);
    expect(waitMs(planFailure(new PermanentError(fault), 1, now, []))).toBe(PERMANENT_PAUSE_MS);
    expect(planFailure(new TypeError('boom'), 1, now, []).lastError).toBe(
      '采集时发生意外错误，将稍后重试：boom',
    );
  });
});
