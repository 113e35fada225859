// Reading answers: JSON against a schema, and the HTTP statuses a platform's own error format doesn't cover.
import { type z } from 'zod';
import {
  type ChannelError,
  MalformedResponseError,
  OutcomeUnknownError,
  PermanentError,
  RateLimitedError,
  RetryableError,
} from '../channel-errors';
import { type HttpResponse } from './channel-http';

// Weibo ids are int64 numbers beyond 2^53; inside the token-aware scan a string literal is skipped whole,
// so only bare numbers with 16+ digits are quoted (JSON.parse would round them).
const BIG_INTEGERS = /"(?:[^"\\]|\\.)*"|(-?\d{16,})(?![\d.eE])/g;

/** JSON.parse, with int64 numbers kept as strings when `lossless` is set. Throws MalformedResponseError. */
export function parseJson(res: HttpResponse, lossless = false): unknown {
  let text = res.body.toString('utf8');
  if (lossless) text = text.replace(BIG_INTEGERS, (m, digits?: string) => (digits ? `"${digits}"` : m));
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new MalformedResponseError(
      { code: null, message: `响应不是有效的 JSON / malformed JSON from ${res.url} (HTTP ${res.status})` },
      { cause: e },
    );
  }
}

/** Checks a decoded answer against the shape we rely on. */
export function expectShape<S extends z.ZodType>(schema: S, value: unknown, res: HttpResponse): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : '';
  throw new MalformedResponseError({
    code: null,
    message: `响应格式不符 / unexpected response shape from ${res.url}: ${where}`,
  });
}

/** Retry-After in seconds or as an HTTP date, if the platform sent one. */
export function retryAfter(res: HttpResponse, now: Date): Date | null {
  const v = res.header('retry-after')?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return new Date(now.getTime() + Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : new Date(at);
}

/**
 * An HTTP failure that did not come in the platform's own error format (a gateway's HTML page, a bare
 * 429): 5xx is worth another try for a read, but for a write the platform may have acted before failing.
 */
export function httpStatusError(res: HttpResponse, write: boolean, now: Date): ChannelError {
  const fault = { code: `HTTP ${res.status}`, message: `HTTP ${res.status} from ${res.url}` };
  if (res.status === 429)
    return new RateLimitedError(fault, retryAfter(res, now) ?? new Date(now.getTime() + 60_000));
  if (res.status >= 500) return write ? new OutcomeUnknownError(fault) : new RetryableError(fault);
  return new PermanentError(fault);
}
