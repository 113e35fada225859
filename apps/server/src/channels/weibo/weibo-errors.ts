// Weibo error codes → channel error classes (research/channel-apis.md §1.3).
//
// Token codes become ReauthRequired rather than TokenExpired: a Weibo web app has no refresh token, so the
// "refresh once, then retry" path could only end in asking a person to authorise again; saying so at once
// spares a round and tells the operator the truth.
import {
  type ChannelError,
  DuplicateContentError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
} from '../channel-errors';
import { type WeiboErrorBody } from './weibo-wire';

const RATE_LIMITED = new Set(['10022', '10023', '10024', '20016']);
const TOKEN_DEAD = new Set(['21314', '21315', '21316', '21317', '21327', '21332']);
const DUPLICATE = new Set(['20017', '20019', '20111']);
const SYSTEM = new Set(['10001', '10002']);

/** Weibo limits run in fixed hourly windows and no reset time is sent: the next hour boundary. */
export function nextHour(now: Date): Date {
  const t = new Date(now.getTime());
  t.setUTCMinutes(0, 0, 0);
  return new Date(t.getTime() + 3600_000);
}

export function weiboError(body: WeiboErrorBody, httpStatus: number, now: Date): ChannelError {
  const code = body.error_code;
  const fault = { code, message: body.error_description ?? body.error ?? `Weibo error ${code}` };
  if (RATE_LIMITED.has(code)) return new RateLimitedError(fault, nextHour(now));
  if (TOKEN_DEAD.has(code)) return new ReauthRequiredError(fault);
  if (DUPLICATE.has(code)) return new DuplicateContentError(fault);
  if (SYSTEM.has(code) || httpStatus >= 500) return new RetryableError(fault);
  return new PermanentError(fault);
}
