// The steps every collector job is made of: call the platform for an account (outside any transaction),
// store what a page brought, and record a failure on the account — the last two in the job's transaction.
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { TokenExpiredError } from '../../channels/channel-errors';
import { ChannelRegistry } from '../../channels/channel-registry';
import type { ChannelAccount, ChannelProvider, CollectBatch } from '../../channels/channel.interface';
import { type AccountEntity } from '../../database/entities';
import { AccountCredentials } from '../accounts/account-credentials';
import { JobsRepository } from '../jobs/jobs.repository';
import { planFailure } from './collection-failure';
import { refreshTokenJob, refreshTokenKey } from './collection-job-specs';
import { CollectionStateRepository } from './collection-state.repository';
import { CollectionRepository } from './collection.repository';

export type ChannelCall<T> =
  /** Nothing to do now. `retryAt`: the account is backing off until then; null: it is gone, disabled or 已失效. */
  | { state: 'skipped'; retryAt: Date | null }
  | { state: 'done'; account: AccountEntity; value: T }
  | { state: 'failed'; account: AccountEntity; error: unknown; secrets: string[] };

/** What the job that failed should do about the same work. */
export type Recovery =
  /** Another job replaced the token meanwhile: try again at once. */
  | { kind: 'retryNow' }
  /** A token refresh is queued; it queues the account's streams again when it is done. */
  | { kind: 'afterRefresh' }
  | { kind: 'waitUntil'; at: Date }
  /** A person must act (credentials refused, or a permanent refusal). */
  | { kind: 'stop' };

@Injectable()
export class CollectionService {
  constructor(
    private readonly state: CollectionStateRepository,
    private readonly rows: CollectionRepository,
    private readonly registry: ChannelRegistry,
    private readonly credentials: AccountCredentials,
    private readonly jobs: JobsRepository,
  ) {}

  /**
   * Calls the account's platform, unless the account may not be collected at `now`. Every failure of the
   * call (or of opening the credentials) is returned, not thrown: it is the account's state to record.
   */
  async callChannel<T>(
    accountId: number,
    now: Date,
    call: (provider: ChannelProvider, target: ChannelAccount, stored: AccountEntity) => Promise<T>,
    options: { duringBackoff?: boolean } = {},
  ): Promise<ChannelCall<T>> {
    const account = await this.state.account(accountId);
    if (!account || account.disabled || account.authFailedAt) return { state: 'skipped', retryAt: null };
    if (!options.duringBackoff && account.backoffUntil && account.backoffUntil > now)
      return { state: 'skipped', retryAt: account.backoffUntil };
    let target: ChannelAccount | null = null;
    try {
      target = this.credentials.toChannelAccount(account);
      const value = await call(this.registry.provider(account.channel), target, account);
      return { state: 'done', account, value };
    } catch (error) {
      const secrets = target ? [...Object.values(target.secrets), target.accessToken ?? ''] : [];
      return { state: 'failed', account, error, secrets };
    }
  }

  /** The rows of one page, and the running totals its publications carried as a first metric snapshot. */
  async storePage(tx: EntityManager, accountId: number, batch: CollectBatch, now: Date): Promise<void> {
    await this.rows.upsertPublications(tx, accountId, batch.publications, now);
    await this.rows.upsertInteractions(tx, accountId, batch.interactions, now);
    const samples = [
      ...batch.publications.flatMap((p) => (p.metrics ? [p.metrics] : [])),
      ...(batch.metrics ?? []),
    ];
    await this.rows.storeMetricSamples(tx, accountId, samples, now);
  }

  /**
   * Records a failed call on the account (error text, failure count, backoff, 已失效) and says what to do
   * next. An expired token queues one refresh per account: a second stream failing on the same token waits
   * for that refresh instead of counting again or asking for another.
   */
  async recordFailure(
    tx: EntityManager,
    failed: Extract<ChannelCall<unknown>, { state: 'failed' }>,
    now: Date,
  ): Promise<{ recovery: Recovery; lastError: string | null }> {
    const { account, error } = failed;
    const current = await this.state.lockState(tx, account.id);
    if (!current) return { recovery: { kind: 'stop' }, lastError: null };
    if (error instanceof TokenExpiredError) {
      if (current.accessToken !== account.accessToken)
        return { recovery: { kind: 'retryNow' }, lastError: null };
      if (await this.jobs.hasPending(refreshTokenKey(account.id), tx))
        return { recovery: { kind: 'afterRefresh' }, lastError: null };
      await this.jobs.enqueue([refreshTokenJob(account.id, account.accessToken)], now, tx);
    }
    const plan = planFailure(error, current.failures + 1, now, failed.secrets);
    await this.state.recordFailure(tx, account.id, plan, now);
    const recovery: Recovery =
      plan.class === 'token' && !plan.backoffUntil
        ? { kind: 'afterRefresh' }
        : plan.backoffUntil
          ? { kind: 'waitUntil', at: plan.backoffUntil }
          : { kind: 'stop' };
    return { recovery, lastError: plan.lastError };
  }

  recordSuccess(tx: EntityManager, accountId: number, now: Date): Promise<void> {
    return this.state.recordSuccess(tx, accountId, now);
  }

  streamsOf(account: Pick<AccountEntity, 'channel'>): readonly string[] {
    return this.registry.provider(account.channel).streams;
  }

  /** What a history import walks: the polled streams, unless the platform has a fuller way back. */
  importStreamsOf(account: Pick<AccountEntity, 'channel'>): readonly string[] {
    const provider = this.registry.provider(account.channel);
    return provider.importStreams ?? provider.streams;
  }
}
