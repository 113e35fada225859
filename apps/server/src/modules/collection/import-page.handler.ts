// collection.import: one page of a history import. The chain carries its cursor in the job payload, apart
// from the live cursor, so an import never disturbs polling; each page's rows, the import's counters and
// the job for the next page commit together, so a crash repeats at most the page it interrupted.
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import type { CollectBatch } from '../../channels/channel.interface';
import { Clock } from '../../common/clock';
import { type JobEntity } from '../../database/entities';
import { type JobHandler } from '../jobs/job-handlers';
import { JobsRepository } from '../jobs/jobs.repository';
import { type ImportPage, importPageJob, importPagePayload, payloadOf } from './collection-job-specs';
import { type ChannelCall, CollectionService, type Recovery } from './collection.service';
import { HistoryImportRepository } from './history-import.repository';

/** A refresh is queued when the import meets an expired token; the page is tried again after it. */
const AFTER_REFRESH_MS = 5_000;

interface Fetched {
  running: boolean;
  call: ChannelCall<CollectBatch>;
}

@Injectable()
export class ImportPageHandler implements JobHandler<Fetched> {
  constructor(
    private readonly imports: HistoryImportRepository,
    private readonly service: CollectionService,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
  ) {}

  async prepare(job: JobEntity): Promise<Fetched> {
    const page = payloadOf(importPagePayload, job);
    if (!(await this.imports.isRunning(page.importId)))
      return { running: false, call: { state: 'skipped', retryAt: null } };
    const call = await this.service.callChannel(page.accountId, this.clock.now(), (provider, target) =>
      provider.collect(target, page.stream, page.cursor),
    );
    return { running: true, call };
  }

  async run(job: JobEntity, tx: EntityManager, { running, call }: Fetched): Promise<void> {
    const page = payloadOf(importPagePayload, job);
    const now = this.clock.now();
    if (!running) return;
    if (call.state === 'skipped') {
      if (call.retryAt) await this.again(tx, page, call.retryAt, now);
      else await this.imports.fail(tx, page.importId, '账号已停用、已删除或凭据已失效，导入中止', now);
      return;
    }
    if (call.state === 'failed') {
      const { recovery, lastError } = await this.service.recordFailure(tx, call, now);
      if (lastError) await this.imports.noteError(tx, page.importId, lastError);
      const at = retryTime(recovery, now);
      if (at) await this.again(tx, page, at, now);
      else await this.imports.fail(tx, page.importId, lastError ?? '渠道拒绝了请求，导入中止', now);
      return;
    }
    const batch = call.value;
    await this.service.storePage(tx, page.accountId, batch, now);
    await this.service.recordSuccess(tx, page.accountId, now);
    // A provider saying "more" without moving its cursor would loop: that stream ends here.
    const last = !batch.more || batch.cursor === page.cursor;
    await this.imports.recordPage(
      tx,
      page.importId,
      { publications: batch.publications.length, interactions: batch.interactions.length, streamDone: last },
      now,
    );
    if (!last) await this.again(tx, { ...page, cursor: batch.cursor }, now, now);
  }

  private again(tx: EntityManager, page: ImportPage, at: Date, now: Date): Promise<void> {
    return this.jobs.enqueue([importPageJob(page, at)], now, tx);
  }
}

function retryTime(recovery: Recovery, now: Date): Date | null {
  switch (recovery.kind) {
    case 'retryNow':
      return now;
    case 'afterRefresh':
      return new Date(now.getTime() + AFTER_REFRESH_MS);
    case 'waitUntil':
      return recovery.at;
    case 'stop':
      return null;
  }
}
