import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { JobsRepository } from '../jobs/jobs.repository';
import { dispatchSendJob } from './dispatch-job-specs';
import { DispatchRepository } from './dispatch.repository';

/** A `sending` row untouched this long lost its worker (a send job's lease is a minute). */
const STALE_SENDING_MS = 120_000;
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
    const ids = await this.repo.dueIds(now, new Date(now.getTime() - STALE_SENDING_MS), BATCH);
    await this.jobs.enqueue(
      ids.map((id) => dispatchSendJob(id)),
      now,
    );
    return ids.length;
  }
}
