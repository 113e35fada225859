// What a failed collection means for the account: the class of the channel's error decides how long to
// wait and whether a person must act; the text shown on the account matrix is a Chinese explanation
// followed by the channel's own words.
import {
  ChannelError,
  RateLimitedError,
  ReauthRequiredError,
  PermanentError,
  TokenExpiredError,
} from '../../channels/channel-errors';
import { SecretBoxError } from '../../common/secret-box';
import { explainFailure } from '../accounts/connection-test';
import { type FailureRecord } from './collection-state.repository';

export type FailureClass = 'token' | 'rateLimited' | 'transient' | 'credentials' | 'permanent';

export interface FailurePlan extends FailureRecord {
  class: FailureClass;
}

/** First wait after a transient failure; doubles with each consecutive one up to the cap. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 3_600_000;
/** A permanent refusal stops polling for a day, unless a person asks to collect now (立即采集). */
export const PERMANENT_PAUSE_MS = 86_400_000;
/** Spread over workers and accounts that all waited for the same rate-limit reset. */
const RESET_JITTER_MS = 5_000;
const MAX_ERROR_TEXT = 2000;

export function classify(err: unknown): FailureClass {
  if (err instanceof TokenExpiredError) return 'token';
  if (err instanceof RateLimitedError) return 'rateLimited';
  if (err instanceof ReauthRequiredError || err instanceof SecretBoxError) return 'credentials';
  if (err instanceof PermanentError) return 'permanent';
  // Retryable, malformed answers, and anything unexpected: try again later, waiting longer each time.
  return 'transient';
}

/** Exponential backoff with jitter: the n-th consecutive failure waits between half and all of base·2ⁿ⁻¹. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The account's state after a failure. `failures` counts this one. A token expiry waits for nothing the
 * first time (the token is refreshed and the page tried again at once); only a token that fails again
 * right after backs off, so a platform that keeps refusing fresh tokens is not hammered.
 */
export function planFailure(
  err: unknown,
  failures: number,
  now: Date,
  secrets: readonly string[],
  random: () => number = Math.random,
): FailurePlan {
  const cls = classify(err);
  return {
    class: cls,
    failures,
    lastError: describeFailure(err, cls, secrets),
    // Refused credentials: the account is 已失效 and not polled until they change (accounts module).
    authFailed: cls === 'credentials',
    backoffUntil: waitUntil(err, cls, failures, now, random),
  };
}

function waitUntil(
  err: unknown,
  cls: FailureClass,
  failures: number,
  now: Date,
  random: () => number,
): Date | null {
  const later = (ms: number) => new Date(now.getTime() + ms);
  switch (cls) {
    case 'token':
      return failures > 1 ? later(backoffMs(failures - 1, random)) : null;
    case 'rateLimited': {
      const reset = Math.max((err as RateLimitedError).resetAt.getTime(), now.getTime() + 1000);
      return new Date(reset + Math.round(random() * RESET_JITTER_MS));
    }
    case 'credentials':
      return null;
    case 'permanent':
      return later(PERMANENT_PAUSE_MS);
    case 'transient':
      return later(backoffMs(failures, random));
  }
}

function describeFailure(err: unknown, cls: FailureClass, secrets: readonly string[]): string {
  let text: string;
  if (err instanceof SecretBoxError) {
    text = '采集失败：已保存的凭据无法解密（SUNLIGHT_SECRET_KEY 已更换），请重新设置该账号的凭据';
  } else if (!(err instanceof ChannelError)) {
    const why = explainFailure(err, secrets);
    text = `采集时发生意外错误，将稍后重试：${why.channelMessage}`;
  } else {
    const why = explainFailure(err, secrets);
    const meaning = cls === 'token' ? '访问令牌已过期或已被替换，正在自动刷新后重试' : why.message;
    text = `采集失败：${meaning}。渠道返回：${why.channelCode ? `${why.channelCode} ` : ''}${why.channelMessage}`;
  }
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text;
}
