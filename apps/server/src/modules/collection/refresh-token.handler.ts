// collection.refresh-token: one refresh for one expired token. The job's dedupe key keeps a second refresh
// of the account from being queued while one waits or runs, and the token fingerprint in the payload makes
// a refresh queued after another one has already replaced the token do nothing but retry.
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { ReauthRequiredError, TokenExpiredError } from '../../channels/channel-errors';
import type { TokenGrant } from '../../channels/channel.interface';
import { Clock } from '../../common/clock';
import { type AccountEntity, type JobEntity } from '../../database/entities';
import { AccountCredentials } from '../accounts/account-credentials';
import { type JobHandler } from '../jobs/job-handlers';
import { JobsRepository } from '../jobs/jobs.repository';
import { payloadOf, refreshTokenPayload, tokenFingerprint } from './collection-job-specs';
import { CollectionSchedule } from './collection-schedule.service';
import { CollectionStateRepository } from './collection-state.repository';
import { type ChannelCall, CollectionService } from './collection.service';

/** null: the token had already been replaced when the job ran. */
type Refresh = ChannelCall<TokenGrant | null>;

@Injectable()
export class RefreshTokenHandler implements JobHandler<Refresh> {
  constructor(
    private readonly state: CollectionStateRepository,
    private readonly service: CollectionService,
    private readonly schedule: CollectionSchedule,
    private readonly credentials: AccountCredentials,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
  ) {}

  prepare(job: JobEntity): Promise<Refresh> {
    const { accountId, expired } = payloadOf(refreshTokenPayload, job);
    // Also while backing off: the refresh is what ends a token failure.
    return this.service.callChannel(
      accountId,
      this.clock.now(),
      (provider, target, stored) =>
        tokenFingerprint(stored.accessToken) === expired
          ? provider.refreshToken(target)
          : Promise.resolve(null),
      { duringBackoff: true },
    );
  }

  async run(_job: JobEntity, tx: EntityManager, call: Refresh): Promise<void> {
    const now = this.clock.now();
    if (call.state === 'skipped') return;
    if (call.state === 'failed') {
      // A platform that calls the refresh itself expired will not take the credentials: a person must act.
      const error =
        call.error instanceof TokenExpiredError ? new ReauthRequiredError(call.error.fault) : call.error;
      await this.service.recordFailure(tx, { ...call, error }, now);
      return;
    }
    const { account, value: grant } = call;
    if (grant) {
      const sealed = this.credentials.apply(account, {
        accessToken: grant.accessToken,
        tokenExpiresAt: grant.expiresAt,
      });
      const stored = await this.state.replaceToken(tx, account.id, account.accessToken, {
        accessToken: sealed.accessToken ?? null,
        tokenExpiresAt: sealed.tokenExpiresAt ?? null,
      });
      // Someone set a token meanwhile (a person, by hand): theirs stands, and ours is dropped.
      if (!stored) return;
    }
    await this.jobs.enqueue(this.schedule.allStreamJobs(account, retryAt(account, now)), now, tx);
  }
}

/** The streams are tried again at once, unless repeated failures put the account in backoff. */
function retryAt(account: AccountEntity, now: Date): Date {
  return account.backoffUntil && account.backoffUntil > now ? account.backoffUntil : now;
}
