import {
  type PublicationFailure,
  type PublicationKind,
  type PublicationSource,
  type PublicationStatus,
} from '@sunlight/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAtColumn, InstantColumn, LongTextColumn, UpdatedAtColumn } from '../columns';
import { AccountEntity } from './account.entity';
import { ColumnEntity } from './column.entity';
import { PostEntity } from './post.entity';

/**
 * 发布记录: one post on one account, sent by Sunlight or imported from the account's own timeline. Imported
 * rows are upserted by (account, external id); sent rows carry the idempotency key that makes a retried
 * send recognisable.
 */
@Entity('publications')
@Unique('uq_publications_account_external', ['accountId', 'externalId'])
@Index('idx_publications_account_status_time', ['accountId', 'status', 'publishedAt'])
@Index('idx_publications_status_due', ['status', 'dueAt'])
export class PublicationEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  /** The post it was sent from; null for imported rows. */
  @Column({ type: 'int', nullable: true })
  postId: number | null;

  @ManyToOne(() => PostEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity | null;

  @Column({ type: 'int', nullable: true })
  columnId: number | null;

  @ManyToOne(() => ColumnEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'column_id' })
  column?: ColumnEntity | null;

  /** The platform's id; null until the platform has answered. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: PublicationKind;

  @Column({ type: 'varchar', length: 255, default: '' })
  title: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  url: string | null;

  @Column({ type: 'varchar', length: 24 })
  status: PublicationStatus;

  /** Set with status `failed`: whether trying again can help. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  failure: PublicationFailure | null;

  @Column({ type: 'varchar', length: 16 })
  source: PublicationSource;

  /** Sent rows only; unique so one post goes to one account once. */
  @Column({ type: 'varchar', length: 191, nullable: true, unique: true })
  idempotencyKey: string | null;

  @InstantColumn({ nullable: true })
  publishedAt: Date | null;

  /** Sent rows: when the dispatcher should send it (claimed by status + due time). */
  @InstantColumn({ nullable: true })
  dueAt: Date | null;

  /** Sent rows: the PublicationPayload (libs/contracts) frozen at approval, as JSON. */
  @LongTextColumn({ nullable: true })
  payload: string | null;

  /** For a forward (转发): the external id of what was reposted. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  forwardOf: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /**
   * Sent rows: when the latest send began. A lookup after an uncertain send asks the channel about the send
   * made then; settlements to 待确认 move updated_at on but never this.
   */
  @InstantColumn({ nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
