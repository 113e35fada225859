import { Injectable } from '@nestjs/common';
import { type PublicationStatus } from '@sunlight/contracts';
import { type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { type PublicationEntity } from '../../database/entities';
import { refreshTokenJob } from '../collection/collection-job-specs';
import { markRollupDays } from '../figures/figure-rollup-marks';
import { JobsRepository } from '../jobs/jobs.repository';
import { isUniqueViolation } from '../../database/unique-violation';
import { type Outcome } from './dispatch-outcome';
import { dispatchPollJob, MAX_POLLS, POLL_INTERVAL_MS } from './dispatch-job-specs';
import { timelineEntryOf } from './dispatch-timeline';
import { DispatchRepository, type Settlement } from './dispatch.repository';

/**
 * Writes an attempt's outcome inside the job's transaction, conditional on the publication still being in
 * the state the attempt started from, with the follow-up it needs (a poll, a token refresh), the post's
 * status and the entry on the post's timeline.
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
    const settled = await this.settle(tx, pub, from, outcome);
    if (!settled) return;
    // 汇总脏标记: the day the publication now counts on (an adopted import is of the same post and day).
    if (settled.kind === 'published') await markRollupDays(tx, pub.accountId, [settled.publishedAt]);
    await this.followUp(tx, pub, settled, options, now);
    if (pub.postId === null) return;
    const post = await this.repo.refreshPostStatus(tx, pub.postId);
    const entry = timelineEntryOf(settled, from, now);
    if (post && entry)
      await this.repo.addTimelineEntry(tx, {
        postId: pub.postId,
        at: now,
        fromStatus: post.from,
        toStatus: post.to,
        accountId: pub.accountId,
        ...entry,
      });
  }

  /**
   * Writes the outcome if the row is still in `from`; returns what was written, or null. A channel id the
   * collector already stored for an import is adopted; one another sent row holds is left for a person.
   */
  private async settle(
    tx: EntityManager,
    pub: Pick<PublicationEntity, 'id' | 'accountId'>,
    from: PublicationStatus,
    outcome: Exclude<Outcome, { kind: 'skip' }>,
  ): Promise<Exclude<Outcome, { kind: 'skip' }> | null> {
    const change = settlementOf(outcome);
    try {
      return (await this.repo.settle(tx, pub, from, change)) ? outcome : null;
    } catch (err) {
      if (!change.externalId || !isUniqueViolation(err)) throw err;
      const heldBy = await this.repo.adoptImported(tx, pub, change.externalId);
      if (heldBy === null) return (await this.repo.settle(tx, pub, from, change)) ? outcome : null;
      // Two sends answered with one id: something is wrong, and only a person can say what.
      const clash: Extract<Outcome, { kind: 'pending' }> = {
        kind: 'pending',
        externalId: null,
        note: `渠道返回的编号 ${change.externalId} 已记在另一条发布记录（#${heldBy}）上，请人工核对是否重复发送`,
        poll: false,
      };
      return (await this.repo.settle(tx, pub, from, settlementOf(clash))) ? clash : null;
    }
  }

  /** What the outcome asks for next: the poll that asks the channel again, a token refresh. */
  private async followUp(
    tx: EntityManager,
    pub: Pick<PublicationEntity, 'id' | 'accountId'>,
    outcome: Exclude<Outcome, { kind: 'skip' }>,
    options: { polls?: number; sealedToken?: string | null },
    now: Date,
  ): Promise<void> {
    const polls = options.polls ?? 0;
    if (outcome.kind === 'pending' && outcome.poll && polls < MAX_POLLS)
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
