// collection.metrics: reads the statistics of the account's recent publications into metric_snapshots.
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import type { MetricSample } from '../../channels/channel.interface';
import { Clock } from '../../common/clock';
import { type JobEntity } from '../../database/entities';
import { type JobHandler } from '../jobs/job-handlers';
import { JobsRepository } from '../jobs/jobs.repository';
import { collectMetricsJob, collectMetricsPayload, METRICS_STREAM, payloadOf } from './collection-job-specs';
import { CollectionStateRepository } from './collection-state.repository';
import { type ChannelCall, CollectionService } from './collection.service';
import { CollectionRepository } from './collection.repository';

/** Reposts and reads keep coming for about a month; older posts keep their last snapshot. */
const RECENT_MS = 30 * 86_400_000;
/** Newest first; an account publishing more than this a month is read for its latest ones. */
const MAX_PUBLICATIONS = 200;

@Injectable()
export class CollectMetricsHandler implements JobHandler<ChannelCall<MetricSample[]>> {
  constructor(
    private readonly state: CollectionStateRepository,
    private readonly rows: CollectionRepository,
    private readonly service: CollectionService,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
  ) {}

  async prepare(job: JobEntity): Promise<ChannelCall<MetricSample[]>> {
    const { accountId } = payloadOf(collectMetricsPayload, job);
    const now = this.clock.now();
    const ids = await this.state.recentPublicationIds(
      accountId,
      new Date(now.getTime() - RECENT_MS),
      MAX_PUBLICATIONS,
    );
    return this.service.callChannel(accountId, now, (provider, target) =>
      ids.length ? provider.fetchMetrics(target, ids) : Promise.resolve([]),
    );
  }

  async run(job: JobEntity, tx: EntityManager, call: ChannelCall<MetricSample[]>): Promise<void> {
    const { accountId } = payloadOf(collectMetricsPayload, job);
    const now = this.clock.now();
    if (call.state === 'skipped') return;
    if (call.state === 'failed') {
      const { recovery } = await this.service.recordFailure(tx, call, now);
      if (recovery.kind === 'retryNow') await this.jobs.enqueue([collectMetricsJob(accountId, now)], now, tx);
      return;
    }
    await this.rows.storeMetricSamples(tx, accountId, call.value, now);
    await this.state.touchStream(tx, accountId, METRICS_STREAM, now);
    await this.service.recordSuccess(tx, accountId, now);
  }
}
