// The collector's jobs: names, payloads and dedupe keys. A key names the work (this stream of this account),
// so however many workers tick, at most one job per key is waiting or running.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type JobEntity } from '../../database/entities';
import { type NewJob } from '../jobs/jobs.repository';

/** One page of one stream of an account, read after the stored cursor; more pages follow at once. */
export const COLLECT_STREAM_JOB = 'collection.collect';
/** Metrics of the account's recent publications (time series in metric_snapshots). */
export const COLLECT_METRICS_JOB = 'collection.metrics';
/** One token refresh for one expired token, however many streams found it expired. */
export const REFRESH_TOKEN_JOB = 'collection.refresh-token';
/** One page of a history import; the chain carries its own cursor, apart from the live one. */
export const IMPORT_PAGE_JOB = 'collection.import';

/** The metrics reading is recorded in collect_cursors under this name (no cursor, only when it ran). */
export const METRICS_STREAM = 'metrics';

const accountId = z.number().int().positive();

export const collectStreamPayload = z.object({ accountId, stream: z.string().min(1).max(32) });
export const collectMetricsPayload = z.object({ accountId });
export const refreshTokenPayload = z.object({ accountId, expired: z.string() });
export const importPagePayload = z.object({
  importId: z.number().int().positive(),
  accountId,
  stream: z.string().min(1).max(32),
  cursor: z.string().nullable(),
});
export type ImportPage = z.infer<typeof importPagePayload>;

export function payloadOf<S extends z.ZodType>(schema: S, job: JobEntity): z.infer<S> {
  return schema.parse(JSON.parse(job.payload));
}

export function collectStreamJob(account: number, stream: string, runAt?: Date): NewJob {
  return {
    name: COLLECT_STREAM_JOB,
    payload: { accountId: account, stream },
    dedupeKey: `collect:${account}:${stream}`,
    runAt,
  };
}

export function collectMetricsJob(account: number, runAt?: Date): NewJob {
  return {
    name: COLLECT_METRICS_JOB,
    payload: { accountId: account },
    dedupeKey: `metrics:${account}`,
    runAt,
  };
}

export const refreshTokenKey = (account: number) => `refresh-token:${account}`;

/** `expired` names the token found expired, so a refresh that comes after another one does nothing. */
export function refreshTokenJob(account: number, sealedToken: string | null): NewJob {
  return {
    name: REFRESH_TOKEN_JOB,
    payload: { accountId: account, expired: tokenFingerprint(sealedToken) },
    dedupeKey: refreshTokenKey(account),
  };
}

export function importPageJob(page: ImportPage, runAt?: Date): NewJob {
  return {
    name: IMPORT_PAGE_JOB,
    payload: page,
    dedupeKey: `import:${page.importId}:${page.stream}`,
    runAt,
  };
}

/** A short, non-reversible name of a sealed token (sealing is randomised, so each stored token differs). */
export function tokenFingerprint(sealedToken: string | null): string {
  return sealedToken === null ? 'none' : createHash('sha256').update(sealedToken).digest('hex').slice(0, 24);
}
