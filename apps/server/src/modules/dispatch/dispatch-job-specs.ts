// The dispatcher's jobs by name, with their payloads and dedupe keys: one send job per publication at a time.
import { z } from 'zod';
import { type JobEntity } from '../../database/entities';
import { payloadOf } from '../collection/collection-job-specs';
import { type NewJob } from '../jobs/jobs.repository';

export const DISPATCH_SEND_JOB = 'dispatch.send';
/** The send job's dedupe key is this and the publication's id (the schedule's query relies on it). */
export const SEND_KEY_PREFIX = 'dispatch:';
/** Asks the channel again about a publication it has accepted but not yet published (WeChat). */
export const DISPATCH_POLL_JOB = 'dispatch.poll';

/** Between two questions about a pending publication; WeChat usually settles within a minute. */
export const POLL_INTERVAL_MS = 5_000;
/** Questions before the channel's silence is handed to a person (about an hour). */
export const MAX_POLLS = 720;

const sendPayload = z.object({ publicationId: z.number().int().positive() });
const pollPayload = sendPayload.extend({ polls: z.number().int().min(0) });

export function dispatchSendJob(publicationId: number, runAt?: Date): NewJob {
  return {
    name: DISPATCH_SEND_JOB,
    payload: { publicationId },
    dedupeKey: `${SEND_KEY_PREFIX}${publicationId}`,
    runAt,
    // The send job never throws for a channel's reason; a database hiccup is retried generously.
    maxAttempts: 20,
  };
}

export function dispatchPollJob(publicationId: number, polls: number, runAt: Date): NewJob {
  return {
    name: DISPATCH_POLL_JOB,
    payload: { publicationId, polls },
    dedupeKey: `dispatch-poll:${publicationId}`,
    runAt,
    maxAttempts: 20,
  };
}

export const sendPayloadOf = (job: JobEntity) => payloadOf(sendPayload, job);
export const pollPayloadOf = (job: JobEntity) => payloadOf(pollPayload, job);
