// The classes of failure a channel call can end in. Callers branch on the class, never on a platform's codes.

/** What the platform said, kept for the operator: its code and its own words. */
export interface ChannelFault {
  code: string | null;
  message: string;
}

export abstract class ChannelError extends Error {
  constructor(
    readonly fault: ChannelFault,
    options?: { cause?: unknown },
  ) {
    super(fault.code ? `${fault.code}: ${fault.message}` : fault.message, options);
    this.name = new.target.name;
  }
}

/** Try again later (5xx, connection reset before the request was sent, system busy). */
export class RetryableError extends ChannelError {}

/** Too many calls: wait until `resetAt` (the platform's own reset time where it gives one). */
export class RateLimitedError extends ChannelError {
  constructor(
    fault: ChannelFault,
    readonly resetAt: Date,
  ) {
    super(fault);
  }
}

/** The access token is expired or was replaced: refresh once, then retry. */
export class TokenExpiredError extends ChannelError {}

/** The credentials themselves are wrong or revoked: a person must reconnect the account. */
export class ReauthRequiredError extends ChannelError {}

/** The platform refused for good (bad content, no permission, unknown target): do not retry. */
export class PermanentError extends ChannelError {}

/** The platform rejected the content as already posted: the earlier send may have gone out. */
export class DuplicateContentError extends ChannelError {}

/** The request may or may not have taken effect (timeout after sending, connection lost mid-answer). */
export class OutcomeUnknownError extends ChannelError {}

/** The platform answered something we cannot read (malformed JSON, XML or feed). */
export class MalformedResponseError extends ChannelError {}
