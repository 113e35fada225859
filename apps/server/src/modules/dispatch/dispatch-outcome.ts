// What one attempt at a publication ended in, decided outside any transaction (the channel call) and
// written inside the job's transaction. Pure: which error class means what lives here, once.
import { type PublicationFailure } from '@sunlight/contracts';
import {
  ChannelError,
  DuplicateContentError,
  MalformedResponseError,
  OutcomeUnknownError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
  TokenExpiredError,
} from '../../channels/channel-errors';
import type { PublicationStatus as ChannelStatus } from '../../channels/channel.interface';
import { retryDelayMs } from '../jobs/job-runner';

/**
 * Attempts before a person is asked (发送失败, retryable). With waits of 1–2 s doubling up to 2 minutes, a
 * send rides out about six minutes of a failing platform; a WeChat article is three calls, so a platform
 * failing one call in five already fails half of its attempts.
 */
export const MAX_SEND_ATTEMPTS = 10;
/** The longest wait between two attempts: a post is due now, not in ten minutes. */
const MAX_SEND_BACKOFF_MS = 120_000;

/** How long a send waits for the token refresh it asked for. */
export const TOKEN_REFRESH_WAIT_MS = 3_000;

export type Outcome =
  /** Nothing to do: cancelled, already settled, or another worker has it. */
  | { kind: 'skip' }
  /** `confirmed`: found on the channel by asking after an uncertain send (核对后确认), not by its answer. */
  | {
      kind: 'published';
      externalId: string;
      url: string | null;
      publishedAt: Date;
      note: string | null;
      confirmed?: boolean;
    }
  /**
   * 待确认: the channel has not said yet (`poll`: ask it again later) or a person must decide. `accepted`: the
   * channel took it and is still publishing it (WeChat), as opposed to not knowing whether it went out.
   */
  | { kind: 'pending'; externalId: string | null; note: string; poll: boolean; accepted?: boolean }
  /** Back to queued, due at `at`; `refreshToken`: refresh the account's token first. */
  | { kind: 'retry'; at: Date; note: string; refreshToken?: boolean }
  | { kind: 'failed'; failure: PublicationFailure; note: string };

/** What to do when the send itself threw. `null`: the outcome is unknown, reconcile with the channel. */
export function outcomeOfError(
  err: unknown,
  attempts: number,
  now: Date,
  random = Math.random,
): Outcome | null {
  if (err instanceof DuplicateContentError || err instanceof OutcomeUnknownError) return null;
  // A reply we cannot read, or a failure no provider classified, may come after the platform has acted.
  if (err instanceof MalformedResponseError || !(err instanceof ChannelError)) return null;
  const note = errorText(err);
  if (err instanceof RateLimitedError) return { kind: 'retry', at: err.resetAt, note };
  // The send waits a moment for the refresh job; a token that keeps expiring ends as a retryable failure.
  if (err instanceof TokenExpiredError)
    return attempts >= MAX_SEND_ATTEMPTS
      ? { kind: 'failed', failure: 'retryable', note }
      : { kind: 'retry', at: new Date(now.getTime() + TOKEN_REFRESH_WAIT_MS), note, refreshToken: true };
  if (err instanceof ReauthRequiredError || err instanceof PermanentError)
    return { kind: 'failed', failure: 'permanent', note };
  if (err instanceof RetryableError) return backOff(note, attempts, now, random);
  return { kind: 'failed', failure: 'permanent', note };
}

/**
 * The channel, asked after a send whose outcome was unknown (a 5xx, a timeout), says it has nothing: the
 * send failed and is tried again like any retryable failure — later, never at once, since whatever made it
 * fail may still be going on.
 */
export function outcomeOfAbsence(cause: string, attempts: number, now: Date, random = Math.random): Outcome {
  return backOff(`渠道核实无此条: ${cause}`, attempts, now, random);
}

/** Exponential backoff with jitter, until the last attempt fails for good (发送失败, retryable). */
function backOff(note: string, attempts: number, now: Date, random: () => number): Outcome {
  if (attempts >= MAX_SEND_ATTEMPTS) return { kind: 'failed', failure: 'retryable', note };
  return {
    kind: 'retry',
    at: new Date(now.getTime() + retryDelayMs(attempts, random, MAX_SEND_BACKOFF_MS)),
    note,
  };
}

/**
 * What the channel's answer to "did this go out?" means. `absent` is returned as null: nothing went out, so
 * sending (again) is safe — the caller decides whether now or after a requeue.
 */
export function outcomeOfStatus(
  status: ChannelStatus,
  note: string | null,
  confirmed = false,
): Outcome | null {
  switch (status.state) {
    case 'published':
      return { kind: 'published', ...status, note, confirmed };
    case 'pending':
      return {
        kind: 'pending',
        externalId: status.externalId,
        note: note ?? '渠道处理中',
        poll: true,
        accepted: true,
      };
    case 'failed':
      return { kind: 'failed', failure: 'permanent', note: status.reason };
    case 'absent':
      return null;
  }
}

export function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 2000);
}
