// WeChat errcodes → channel error classes (research/channel-apis.md §2.1). Branch on errcode only: the
// HTTP status is 200 either way and errmsg (kept for the operator) ends in a request id.
import { shanghaiDayEnd, shanghaiDayOf } from '../../common/shanghai-time';
import {
  type ChannelError,
  DuplicateContentError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
  TokenExpiredError,
} from '../channel-errors';

/** 41001 (no token) joins the expiry codes: a fresh token is the cure for all of them. */
const TOKEN_EXPIRED = new Set([40001, 40014, 41001, 42001]);
/** Wrong appid, secret, or a server IP missing from the whitelist: a person must fix the account. */
const REAUTH = new Set([40013, 40125, 40164]);
/** Comment already answered (88005): the reply is there. */
const DUPLICATE = new Set([88005]);

const MINUTE = 60_000;

/** When a quota opens again: daily quotas at Beijing midnight, per-minute ones a minute later. */
function resetOf(code: number, now: Date): Date {
  if (code === 45009) return shanghaiDayEnd(shanghaiDayOf(now));
  if (code === 53501) return new Date(now.getTime() + 10 * MINUTE);
  return new Date(now.getTime() + MINUTE);
}
const RATE_LIMITED = new Set([45009, 45011, 45065, 45066, 53501]);

export function wechatError(errcode: number, errmsg: string | undefined, now: Date): ChannelError {
  const fault = { code: String(errcode), message: errmsg ?? `WeChat error ${errcode}` };
  if (TOKEN_EXPIRED.has(errcode)) return new TokenExpiredError(fault);
  if (REAUTH.has(errcode)) return new ReauthRequiredError(fault);
  if (RATE_LIMITED.has(errcode)) return new RateLimitedError(fault, resetOf(errcode, now));
  if (DUPLICATE.has(errcode)) return new DuplicateContentError(fault);
  if (errcode === -1) return new RetryableError(fault);
  return new PermanentError(fault);
}
