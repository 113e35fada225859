import { type InteractionKind } from '@sunlight/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { InstantColumn } from '../columns';
import { AccountEntity } from './account.entity';

/** 互动: anything the public sent to one of our accounts, upserted by (account, external id). */
@Entity('interactions')
@Unique('uq_interactions_account_external', ['accountId', 'externalId'])
@Index('idx_interactions_account_created', ['accountId', 'createdAt'])
export class InteractionEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ type: 'varchar', length: 128 })
  externalId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: InteractionKind;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  authorName: string | null;

  /** When the public wrote it (the platform's time), not when we stored it. */
  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  collectedAt: Date;

  @Column({ type: 'varchar', length: 128, nullable: true })
  publicationExternalId: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  parentExternalId: string | null;

  /** JSON of the platform fields a reply needs (e.g. WeChat msg_data_id and index). */
  @Column({ type: 'text', nullable: true })
  replyContext: string | null;

  /** Letters (来信) have a subject line. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  title: string | null;
}
