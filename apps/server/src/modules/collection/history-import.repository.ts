// 历史导入 runs and their progress; the counters move in the transaction that stores each page.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type PublicationKind } from '@sunlight/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { HistoryImportEntity } from '../../database/entities';
import { execute, instantParam } from './collection-sql';

export interface StoredCounts {
  byKind: Record<PublicationKind, number>;
  interactions: number;
}

export interface PageProgress {
  publications: number;
  interactions: number;
  /** The page was its stream's last. */
  streamDone: boolean;
}

@Injectable()
export class HistoryImportRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Creates the run and queues its first pages in one transaction: a run never exists without its jobs. */
  start(
    fields: Pick<HistoryImportEntity, 'accountId' | 'streamsTotal' | 'requestedBy' | 'startedAt'>,
    enqueueFirstPages: (tx: EntityManager, importId: number) => Promise<void>,
  ): Promise<number> {
    return this.ds.transaction(async (tx) => {
      const repo = tx.getRepository(HistoryImportEntity);
      const saved = await repo.save(repo.create({ ...fields, status: 'running' }));
      await enqueueFirstPages(tx, saved.id);
      return saved.id;
    });
  }

  byId(id: number): Promise<HistoryImportEntity | null> {
    return this.ds.getRepository(HistoryImportEntity).findOneBy({ id });
  }

  latest(accountId: number): Promise<HistoryImportEntity | null> {
    return this.ds
      .getRepository(HistoryImportEntity)
      .findOne({ where: { accountId }, order: { startedAt: 'DESC', id: 'DESC' } });
  }

  async isRunning(id: number): Promise<boolean> {
    return (await this.ds.getRepository(HistoryImportEntity).countBy({ id, status: 'running' })) > 0;
  }

  async hasRunning(accountId: number): Promise<boolean> {
    return (await this.ds.getRepository(HistoryImportEntity).countBy({ accountId, status: 'running' })) > 0;
  }

  /**
   * Counts a stored page. The run is done when its last stream reaches its end; status and finished_at are
   * assigned before streams_done, as MySQL evaluates assignments left to right and SQLite all at once.
   */
  async recordPage(tx: EntityManager, id: number, page: PageProgress, now: Date): Promise<void> {
    const done = page.streamDone ? 1 : 0;
    await execute(
      tx,
      `UPDATE history_imports
          SET status = CASE WHEN streams_done + ? >= streams_total THEN 'done' ELSE status END,
              finished_at = CASE WHEN streams_done + ? >= streams_total THEN ? ELSE finished_at END,
              streams_done = streams_done + ?, pages = pages + 1,
              publications_read = publications_read + ?, interactions_read = interactions_read + ?,
              last_error = NULL
        WHERE id = ? AND status = 'running'`,
      [done, done, instantParam(tx, now), done, page.publications, page.interactions, id],
    );
  }

  /** The run is waiting out a failure: shown while it is still running. */
  async noteError(tx: EntityManager, id: number, error: string): Promise<void> {
    await execute(tx, `UPDATE history_imports SET last_error = ? WHERE id = ? AND status = 'running'`, [
      error,
      id,
    ]);
  }

  async fail(tx: EntityManager, id: number, error: string, now: Date): Promise<void> {
    await execute(
      tx,
      `UPDATE history_imports SET status = 'failed', last_error = ?, finished_at = ? WHERE id = ? AND status = 'running'`,
      [error, instantParam(tx, now), id],
    );
  }

  /** What the account's stored timeline holds, by 原创/转发/未分类, and how many interactions. */
  async storedCounts(accountId: number): Promise<StoredCounts> {
    const kinds = await this.ds.query<Array<{ kind: PublicationKind; n: number | string }>>(
      `SELECT kind, COUNT(*) AS n FROM publications WHERE account_id = ? AND status = 'published' GROUP BY kind`,
      [accountId],
    );
    const [interactions] = await this.ds.query<Array<{ n: number | string }>>(
      'SELECT COUNT(*) AS n FROM interactions WHERE account_id = ?',
      [accountId],
    );
    const byKind: Record<PublicationKind, number> = { original: 0, forward: 0, unclassified: 0 };
    for (const k of kinds) byKind[k.kind] = Number(k.n);
    return { byKind, interactions: Number(interactions?.n ?? 0) };
  }
}
