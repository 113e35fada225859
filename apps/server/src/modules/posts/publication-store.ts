import { type EntityManager, In } from 'typeorm';
import { PublicationEntity } from '../../database/entities';

export type QueuedPublication = Pick<
  PublicationEntity,
  | 'accountId'
  | 'postId'
  | 'columnId'
  | 'kind'
  | 'title'
  | 'text'
  | 'idempotencyKey'
  | 'dueAt'
  | 'payload'
  | 'forwardOf'
>;

/**
 * The publications a post puts in the dispatcher's queue. Every change to a queued row is conditional on it
 * still being `queued`: a worker claims rows by moving them to `sending`, so a cancel or a reschedule that
 * lost that race changes nothing and says so (the caller compares the count).
 */
export class PublicationStore {
  constructor(private readonly em: EntityManager) {}

  private repo() {
    return this.em.getRepository(PublicationEntity);
  }

  ofPost(postId: number): Promise<PublicationEntity[]> {
    return this.repo().find({ where: { postId }, order: { id: 'ASC' } });
  }

  findById(id: number): Promise<PublicationEntity | null> {
    return this.repo().findOneBy({ id });
  }

  async insertQueued(rows: readonly QueuedPublication[]): Promise<void> {
    if (rows.length === 0) return;
    await this.repo().insert(
      rows.map((r) => ({ ...r, status: 'queued' as const, source: 'sunlight' as const, attempts: 0 })),
    );
  }

  /** Cancels those still queued; returns how many were. */
  async cancelQueued(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.em
      .createQueryBuilder()
      .update(PublicationEntity)
      .set({ status: 'cancelled' })
      .where({ id: In([...ids]), status: 'queued' })
      .execute();
    return result.affected ?? 0;
  }

  /** Moves the due time of those still queued; returns how many were. */
  async setDueIfQueued(ids: readonly number[], dueAt: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.em
      .createQueryBuilder()
      .update(PublicationEntity)
      .set({ dueAt })
      .where({ id: In([...ids]), status: 'queued' })
      .execute();
    return result.affected ?? 0;
  }
}
