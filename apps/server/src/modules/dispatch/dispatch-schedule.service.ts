import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { JobsRepository } from '../jobs/jobs.repository';
import { dispatchSendJob } from './dispatch-job-specs';
import { DispatchRepository } from './dispatch.repository';

/** A `sending` row untouched this long lost its worker (a send job's lease is a minute). */
const STALE_SENDING_MS = 120_000;
/**
 * Sends are queued this far ahead, to run at their due time: the drain claims them the moment they are due
 * instead of after the next tick. (A publication moved earlier within this window goes at its old time.)
 */
const LOOKAHEAD_MS = 1_000;
const BATCH = 200;

/** Finds due publications and enqueues one dedupe-keyed send job each; any number of workers may tick. */
@Injectable()
export class DispatchSchedule {
  constructor(
    private readonly repo: DispatchRepository,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
  ) {}

  async enqueueDue(): Promise<number> {
    const now = this.clock.now();
    return this.repo.withDue(
      new Date(now.getTime() + LOOKAHEAD_MS),
      new Date(now.getTime() - STALE_SENDING_MS),
      BATCH,
      (due, tx) =>
        this.jobs.enqueue(
          due.map((p) => dispatchSendJob(p.id, p.dueAt && p.dueAt > now ? p.dueAt : now)),
          now,
          tx,
        ),
    );
  }
}
