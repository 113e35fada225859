import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Classification, type PostStatus, type PublicationStatus } from '@sunlight/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { engineOf } from '../../database/data-source';
import { retryOnDeadlock } from '../../database/deadlock-retry';
import { AccountEntity, PostEntity, PostEventEntity, PublicationEntity } from '../../database/entities';
import { fromDbInstant, toDbInstant } from '../../database/instant';
import { statusFromPublications } from '../posts/post-rules';
import { SEND_KEY_PREFIX } from './dispatch-job-specs';

/** What a settled send writes; always conditional on the publication still being `sending`. */
export type Settlement = Partial<
  Pick<PublicationEntity, 'status' | 'failure' | 'externalId' | 'url' | 'publishedAt' | 'dueAt' | 'lastError'>
>;

@Injectable()
export class DispatchRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Publications a worker should enqueue a send for, handed to `enqueue` inside one transaction: queued and
   * due by `until`, or left `sending` since `staleBefore` (a worker died mid-send, and its job with it) —
   * without a send job waiting or running already. MySQL: the rows are locked with SKIP LOCKED, so workers
   * ticking at the same moment take different ones instead of queueing behind each other's inserts of the
   * same dedupe keys.
   */
  async withDue(
    until: Date,
    staleBefore: Date,
    limit: number,
    enqueue: (due: Array<{ id: number; dueAt: Date | null }>, tx: EntityManager) => Promise<void>,
  ): Promise<number> {
    const mysql = engineOf(this.ds) === 'mysql';
    const key = mysql ? `CONCAT('${SEND_KEY_PREFIX}', p.id)` : `'${SEND_KEY_PREFIX}' || p.id`;
    const work = async (tx: EntityManager) => {
      const rows = await tx.query<Array<{ id: number | string; due_at: string | Date | null }>>(
        `SELECT p.id, p.due_at FROM publications p LEFT JOIN jobs j ON j.dedupe_key = ${key}
          WHERE j.id IS NULL
            AND ((p.status = 'queued' AND p.due_at <= ?) OR (p.status = 'sending' AND p.updated_at < ?))
          ORDER BY p.due_at LIMIT ?${mysql ? ' FOR UPDATE SKIP LOCKED' : ''}`,
        [toDbInstant(this.ds, until), toDbInstant(this.ds, staleBefore), limit],
      );
      const due = rows.map((r) => ({
        id: Number(r.id),
        dueAt: r.due_at === null ? null : fromDbInstant(r.due_at),
      }));
      if (due.length) await enqueue(due, tx);
      return due.length;
    };
    return retryOnDeadlock(() =>
      mysql ? this.ds.transaction('READ COMMITTED', work) : this.ds.transaction(work),
    );
  }

  /** The due time of the oldest queued publication that is due: a stuck dispatcher shows in /api/health. */
  async oldestDue(now: Date): Promise<Date | null> {
    const row = await this.ds
      .getRepository(PublicationEntity)
      .createQueryBuilder('p')
      .select('MIN(p.due_at)', 'oldest')
      .where(`p.status = 'queued' AND p.due_at <= :now`, { now: toDbInstant(this.ds, now) })
      .getRawOne<{ oldest: string | Date | null }>();
    return row?.oldest ? fromDbInstant(row.oldest) : null;
  }

  find(id: number): Promise<PublicationEntity | null> {
    return this.ds.getRepository(PublicationEntity).findOneBy({ id });
  }

  account(id: number): Promise<AccountEntity | null> {
    return this.ds.getRepository(AccountEntity).findOneBy({ id });
  }

  async classificationOf(postId: number): Promise<Classification | null> {
    const post = await this.ds.getRepository(PostEntity).findOneBy({ id: postId });
    return post?.classification ?? null;
  }

  /**
   * queued → sending, only if still queued: a cancel (or another worker) that got there first wins and
   * nothing is sent. Counts the attempt.
   */
  async claim(id: number, now: Date): Promise<boolean> {
    const res = await this.ds
      .createQueryBuilder()
      .update(PublicationEntity)
      .set({ status: 'sending', attempts: () => 'attempts + 1', sentAt: now })
      .where(`id = :id AND status = 'queued'`, { id })
      .execute();
    return res.affected === 1;
  }

  /** Marks a takeover (the `sending` row's clock restarts) so the tick does not list it again meanwhile. */
  async touch(id: number, note: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(PublicationEntity)
      .set({ lastError: note })
      .where(`id = :id AND status = 'sending'`, { id })
      .execute();
  }

  /**
   * When the send goes out again (a taken-over send found absent) or reaches the call that may make it
   * public: lookups after a lost answer ask about the send made then.
   */
  async markSent(id: number, now: Date): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(PublicationEntity)
      .set({ sentAt: now })
      .where(`id = :id AND status = 'sending'`, { id })
      .execute();
  }

  /**
   * Writes the outcome of an attempt if the row is still in `from`. Throws a unique violation when the
   * channel's id is already stored for the account (see adoptImported).
   */
  async settle(
    tx: EntityManager,
    pub: Pick<PublicationEntity, 'id'>,
    from: PublicationStatus,
    change: Settlement,
  ): Promise<boolean> {
    const res = await tx
      .createQueryBuilder()
      .update(PublicationEntity)
      .set(change)
      .where('id = :id AND status = :from', { id: pub.id, from })
      .execute();
    return res.affected === 1;
  }

  /**
   * The channel's id for a sent row is already stored for the account. The collector may have read the
   * status or article from the account's timeline before the dispatcher wrote its answer (source
   * `imported`): that row is the same post, so it is adopted — its metric snapshots move to the sent row and
   * it is removed, so no figure counts the post twice — and the caller writes the id again. Returns the id
   * of another *sent* row holding the id instead (nothing is changed then), or null.
   */
  async adoptImported(
    tx: EntityManager,
    pub: Pick<PublicationEntity, 'id' | 'accountId'>,
    externalId: string,
  ): Promise<number | null> {
    // Locked, so a collector page rewriting the import meanwhile waits for this transaction.
    const lock = engineOf(tx.connection) === 'mysql' ? ' FOR UPDATE' : '';
    const [other] = await tx.query<Array<{ id: number | string; source: string }>>(
      `SELECT id, source FROM publications WHERE account_id = ? AND external_id = ? AND id <> ?${lock}`,
      [pub.accountId, externalId, pub.id],
    );
    if (!other) return null;
    if (other.source !== 'imported') return Number(other.id);
    await this.adopt(tx, pub.id, Number(other.id));
    return null;
  }

  private async adopt(tx: EntityManager, keepId: number, duplicateId: number): Promise<void> {
    // A day's row is unique per publication: where the sent row already has that day, its own reading stays.
    const taken = await tx.query<Array<{ day: string }>>(
      'SELECT day FROM metric_snapshots WHERE publication_id = ? AND day IS NOT NULL',
      [keepId],
    );
    const days = taken.map((r) => r.day);
    await tx.query(
      `UPDATE metric_snapshots SET publication_id = ? WHERE publication_id = ?${
        days.length ? ` AND (day IS NULL OR day NOT IN (${days.map(() => '?').join(', ')}))` : ''
      }`,
      [keepId, duplicateId, ...days],
    );
    await tx.query('DELETE FROM metric_snapshots WHERE publication_id = ?', [duplicateId]);
    await tx.query('DELETE FROM publications WHERE id = ?', [duplicateId]);
  }

  /**
   * The post's status follows its publications; returns the change, or null when there is no post. The post
   * is locked first: the sends of one post to several accounts settle at the same moment in several workers,
   * and each must see the others' outcomes once they are committed.
   */
  async refreshPostStatus(
    tx: EntityManager,
    postId: number,
  ): Promise<{ from: PostStatus; to: PostStatus } | null> {
    const lock = engineOf(tx.connection) === 'mysql' ? ' FOR UPDATE' : '';
    const [post] = await tx.query<Array<{ status: PostStatus }>>(
      `SELECT status FROM posts WHERE id = ?${lock}`,
      [postId],
    );
    if (!post) return null;
    const rows = await tx.query<Array<{ status: PublicationStatus }>>(
      'SELECT status FROM publications WHERE post_id = ?',
      [postId],
    );
    const to = statusFromPublications(rows.map((r) => r.status));
    if (to !== post.status)
      await tx
        .createQueryBuilder()
        .update(PostEntity)
        .set({ status: to })
        .where('id = :id', { id: postId })
        .execute();
    return { from: post.status, to };
  }

  /** The dispatcher's entry on the post's timeline, written with the outcome it tells of. */
  async addTimelineEntry(
    tx: EntityManager,
    row: Pick<
      PostEventEntity,
      'postId' | 'at' | 'action' | 'fromStatus' | 'toStatus' | 'detail' | 'accountId' | 'link'
    >,
  ): Promise<void> {
    await tx.getRepository(PostEventEntity).insert({
      ...row,
      detail: row.detail.slice(0, 500),
      link: row.link && row.link.length <= 512 ? row.link : null,
      actorId: null,
      actorName: null,
    });
  }
}
