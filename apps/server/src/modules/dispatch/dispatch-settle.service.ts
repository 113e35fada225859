import { Injectable } from '@nestjs/common';
import { type PublicationStatus } from '@sunlight/contracts';
import { type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { type PublicationEntity } from '../../database/entities';
import { refreshTokenJob } from '../collection/collection-job-specs';
import { JobsRepository } from '../jobs/jobs.repository';
import { type Outcome } from './dispatch-outcome';
import { dispatchPollJob, MAX_POLLS, POLL_INTERVAL_MS } from './dispatch-job-specs';
import { DispatchRepository, type Settlement } from './dispatch.repository';

/**
 * Writes an attempt's outcome inside the job's transaction, conditional on the publication still being in
 * the state the attempt started from, and queues the follow-up (a poll, a token refresh) with it.
 */
@Injectable()
export class DispatchSettlement {
  constructor(
    private readonly repo: DispatchRepository,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
  ) {}

  async apply(
    tx: EntityManager,
    pub: Pick<PublicationEntity, 'id' | 'postId' | 'accountId'>,
    from: PublicationStatus,
    outcome: Outcome,
    options: { polls?: number; sealedToken?: string | null } = {},
  ): Promise<void> {
    if (outcome.kind === 'skip') return;
    const now = this.clock.now();
    const polls = options.polls ?? 0;
    const pollAgain = outcome.kind === 'pending' && outcome.poll && polls < MAX_POLLS;
    if (!(await this.repo.settle(tx, pub, from, settlementOf(outcome)))) return;
    if (pollAgain)
      await this.jobs.enqueue(
        [dispatchPollJob(pub.id, polls + 1, new Date(now.getTime() + POLL_INTERVAL_MS))],
        now,
        tx,
      );
    if (outcome.kind === 'retry' && outcome.refreshToken)
      await this.jobs.enqueue([refreshTokenJob(pub.accountId, options.sealedToken ?? null)], now, tx);
  }
}

function settlementOf(outcome: Exclude<Outcome, { kind: 'skip' }>): Settlement {
  switch (outcome.kind) {
    case 'published':
      return {
        status: 'published',
        failure: null,
        externalId: outcome.externalId,
        url: outcome.url,
        publishedAt: outcome.publishedAt,
        lastError: outcome.note,
      };
    case 'pending':
      return {
        status: 'pending_confirmation',
        failure: null,
        ...(outcome.externalId ? { externalId: outcome.externalId } : {}),
        lastError: outcome.note,
      };
    case 'retry':
      return { status: 'queued', failure: null, dueAt: outcome.at, lastError: outcome.note };
    case 'failed':
      return { status: 'failed', failure: outcome.failure, lastError: outcome.note };
  }
}
