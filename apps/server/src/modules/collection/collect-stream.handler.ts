// collection.collect: one page of one stream after the stored cursor. The rows, the new cursor and the
// account's state commit with the job; a failure stores nothing of the page and leaves the cursor.
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import type { CollectBatch } from '../../channels/channel.interface';
import { Clock } from '../../common/clock';
import { type JobEntity } from '../../database/entities';
import { type JobHandler } from '../jobs/job-handlers';
import { JobsRepository } from '../jobs/jobs.repository';
import { collectStreamJob, collectStreamPayload, payloadOf } from './collection-job-specs';
import { CollectionStateRepository } from './collection-state.repository';
import { type ChannelCall, CollectionService } from './collection.service';

interface Fetched {
  /** The cursor the page was read after: the cursor moves from here, or the page is not stored. */
  cursor: string | null;
  call: ChannelCall<CollectBatch>;
}

@Injectable()
export class CollectStreamHandler implements JobHandler<Fetched> {
  constructor(
    private readonly state: CollectionStateRepository,
    private readonly service: CollectionService,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
  ) {}

  async prepare(job: JobEntity): Promise<Fetched> {
    const { accountId, stream } = payloadOf(collectStreamPayload, job);
    const cursor = await this.state.readCursor(accountId, stream);
    const call = await this.service.callChannel(accountId, this.clock.now(), (provider, target) =>
      provider.collect(target, stream, cursor),
    );
    return { cursor, call };
  }

  async run(job: JobEntity, tx: EntityManager, { cursor, call }: Fetched): Promise<void> {
    const { accountId, stream } = payloadOf(collectStreamPayload, job);
    const now = this.clock.now();
    // Skipped (backing off, disabled): the tick queues the stream again once it is due.
    if (call.state === 'skipped') return;
    if (call.state === 'failed') {
      const { recovery } = await this.service.recordFailure(tx, call, now);
      if (recovery.kind === 'retryNow')
        await this.jobs.enqueue([collectStreamJob(accountId, stream, now)], now, tx);
      return;
    }
    const batch = call.value;
    await this.service.storePage(tx, accountId, batch, now);
    if (!(await this.state.advanceCursor(tx, accountId, stream, cursor, batch.cursor, now)))
      // Thrown, so the page's rows roll back with it; the job is tried again from the cursor now stored.
      throw new Error(`the ${stream} cursor of account ${accountId} moved while the page was read`);
    await this.service.recordSuccess(tx, accountId, now);
    // The next page at once, committed with this one. A provider saying "more" without moving its cursor
    // would loop: the next poll tries again instead.
    if (batch.more && batch.cursor !== cursor)
      await this.jobs.enqueue([collectStreamJob(accountId, stream, now)], now, tx);
  }
}
