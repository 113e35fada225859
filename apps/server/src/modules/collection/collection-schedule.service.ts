// Which collection work is due: a stream not collected for its poll interval, an account whose metrics are
// older than theirs. The tick only enqueues it (dedupe-keyed); the jobs do the work.
import { Inject, Injectable } from '@nestjs/common';
import { type Channel, credentialStatus } from '@sunlight/contracts';
import { Clock } from '../../common/clock';
import { type AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AccountCredentials } from '../accounts/account-credentials';
import { JobsRepository, type NewJob } from '../jobs/jobs.repository';
import { chunked } from './collection-sql';
import { collectMetricsJob, collectStreamJob, METRICS_STREAM } from './collection-job-specs';
import { CollectionStateRepository, type PollableAccount } from './collection-state.repository';
import { CollectionService } from './collection.service';

/**
 * Politeness floor per channel, whatever the configured interval: a feed is usually someone else's site
 * (or an RSSHub instance) and is read at most every five minutes.
 */
const MIN_POLL_SECONDS: Record<Channel, number> = { weibo: 60, wechat: 60, portal: 60, feed: 300 };

@Injectable()
export class CollectionSchedule {
  constructor(
    private readonly state: CollectionStateRepository,
    private readonly service: CollectionService,
    private readonly credentials: AccountCredentials,
    private readonly jobs: JobsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  pollIntervalMs(channel: Channel): number {
    return Math.max(this.config.collection.pollSeconds, MIN_POLL_SECONDS[channel]) * 1000;
  }

  /** Enqueues every due stream and metrics reading; returns how many were due (some may be queued already). */
  async enqueueDue(): Promise<number> {
    const now = this.clock.now();
    const due: NewJob[] = [];
    for (const a of await this.state.pollableAccounts(now)) {
      if (!this.hasCredentials(a, now)) continue;
      const isDue = (stream: string, everyMs: number) => {
        const last = a.polledAt.get(stream);
        return !last || now.getTime() - last.getTime() >= everyMs;
      };
      for (const stream of this.service.streamsOf(a))
        if (isDue(stream, this.pollIntervalMs(a.channel))) due.push(collectStreamJob(a.id, stream, now));
      if (isDue(METRICS_STREAM, this.config.collection.metricsSeconds * 1000))
        due.push(collectMetricsJob(a.id, now));
    }
    for (const batch of chunked(due)) await this.jobs.enqueue(batch, now);
    return due.length;
  }

  /** Every stream (and the metrics) of one account at `runAt`: after a token refresh, or 立即采集. */
  allStreamJobs(account: { id: number; channel: Channel }, runAt: Date): NewJob[] {
    return [
      ...this.service.streamsOf(account).map((s) => collectStreamJob(account.id, s, runAt)),
      collectMetricsJob(account.id, runAt),
    ];
  }

  /** Credentials the platform could accept (the same rule as the matrix's 凭据状态). */
  private hasCredentials(a: PollableAccount, now: Date): boolean {
    const status = credentialStatus(
      {
        channel: a.channel,
        secretsSet: this.credentials.secretsSet(a),
        accessTokenSet: a.hasToken,
        tokenExpiresAt: a.tokenExpiresAt,
        authFailedAt: null,
      },
      now,
    );
    return status === 'valid' || status === 'expiring' || status === 'not_required';
  }
}
