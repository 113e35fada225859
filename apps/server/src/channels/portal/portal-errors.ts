// Portal CMS codes → channel error classes. An API key cannot be refreshed, so a refused or expired key
// needs a person (ReauthRequired), as with Weibo tokens.
import {
  type ChannelError,
  DuplicateContentError,
  OutcomeUnknownError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
} from '../channel-errors';

export function portalError(
  code: number,
  msg: string,
  http: { status: number; write: boolean; retryAt: Date },
): ChannelError {
  const fault = { code: String(code), message: msg };
  if (code === 40100 || code === 40101) return new ReauthRequiredError(fault);
  if (code === 42900) return new RateLimitedError(fault, http.retryAt);
  // 40900: the same article is already in the column; 40901: the letter is already answered.
  if (code === 40900 || code === 40901) return new DuplicateContentError(fault);
  if (code === 50000 || http.status >= 500)
    return http.write ? new OutcomeUnknownError(fault) : new RetryableError(fault);
  return new PermanentError(fault);
}
