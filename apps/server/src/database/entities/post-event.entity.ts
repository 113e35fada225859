import { type PostEventAction, type PostStatus } from '@sunlight/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { InstantColumn } from '../columns';
import { AccountEntity } from './account.entity';
import { PostChild } from './post-child';

/**
 * The post's timeline: every transition, written in the same transaction as the change it records (the
 * audit log has it too, but only the auditor may read that).
 */
@Entity('post_events')
@Index('idx_post_events_post', ['postId', 'at'])
export class PostEventEntity extends PostChild {
  @InstantColumn()
  at: Date;

  /** Null for the system (the dispatcher). */
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 32 })
  action: PostEventAction;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromStatus: PostStatus | null;

  @Column({ type: 'varchar', length: 24 })
  toStatus: PostStatus;

  @Column({ type: 'varchar', length: 500, default: '' })
  detail: string;

  /** The dispatcher's entries are per account; null for the post's own transitions. */
  @Column({ type: 'int', nullable: true })
  accountId: number | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity | null;

  /** The publication's address on the channel, once it is live. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  link: string | null;
}
