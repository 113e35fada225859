import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Classification, type PublicationStatus } from '@sunlight/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity, PostEntity, PublicationEntity } from '../../database/entities';
import { fromDbInstant, toDbInstant } from '../../database/instant';
import { statusFromPublications } from '../posts/post-rules';

/** What a settled send writes; always conditional on the publication still being `sending`. */
export type Settlement = Partial<
  Pick<PublicationEntity, 'status' | 'failure' | 'externalId' | 'url' | 'publishedAt' | 'dueAt' | 'lastError'>
>;

@Injectable()
export class DispatchRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Publications a worker should look at: queued and due, or left `sending` since `staleBefore` (a worker
   * died mid-send, and its job with it). Enqueueing is dedupe-keyed, so listing one that is being worked on
   * costs nothing.
   */
  async dueIds(now: Date, staleBefore: Date, limit: number): Promise<number[]> {
    const rows = await this.ds
      .getRepository(PublicationEntity)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where(
        `(p.status = 'queued' AND p.due_at <= :now) OR (p.status = 'sending' AND p.updated_at < :stale)`,
        {
          now: toDbInstant(this.ds, now),
          stale: toDbInstant(this.ds, staleBefore),
        },
      )
      .orderBy('p.due_at')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
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
  async claim(id: number): Promise<boolean> {
    const res = await this.ds
      .createQueryBuilder()
      .update(PublicationEntity)
      .set({ status: 'sending', attempts: () => 'attempts + 1' })
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

  /** Writes the outcome of a send if the row is still in `from`; then the post's status follows. */
  async settle(
    tx: EntityManager,
    pub: Pick<PublicationEntity, 'id' | 'postId'>,
    from: PublicationStatus,
    change: Settlement,
  ): Promise<boolean> {
    const res = await tx
      .createQueryBuilder()
      .update(PublicationEntity)
      .set(change)
      .where('id = :id AND status = :from', { id: pub.id, from })
      .execute();
    if (res.affected !== 1) return false;
    if (pub.postId !== null) await this.refreshPostStatus(tx, pub.postId);
    return true;
  }

  private async refreshPostStatus(tx: EntityManager, postId: number): Promise<void> {
    const rows = await tx
      .getRepository(PublicationEntity)
      .find({ select: { status: true }, where: { postId } });
    const status = statusFromPublications(rows.map((r) => r.status));
    await tx
      .createQueryBuilder()
      .update(PostEntity)
      .set({ status })
      .where('id = :id AND status <> :status', { id: postId, status })
      .execute();
  }
}
