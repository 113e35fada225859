import { type Channel } from '@sunlight/contracts';
import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { LongTextColumn } from '../columns';
import { AccountEntity } from './account.entity';
import { ColumnEntity } from './column.entity';
import { PostChild } from './post-child';

/**
 * 渠道版本: a post tailored for one target account, and so the post's list of targets. Weibo text within the
 * platform's limit; WeChat title, author, digest, cover and HTML; portal column, title, body, attachments.
 */
@Entity('post_variants')
@Unique('uq_post_variants_post_account', ['postId', 'accountId'])
export class PostVariantEntity extends PostChild {
  @Column({ type: 'int' })
  accountId: number;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  /** The account's channel, kept here so a variant is read without a join. */
  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'int', nullable: true })
  columnId: number | null;

  @ManyToOne(() => ColumnEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'column_id' })
  column?: ColumnEntity | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  title: string;

  /** Weibo: plain text; WeChat and portal: sanitised HTML. */
  @LongTextColumn()
  text: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  digest: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  author: string;

  @Column({ type: 'int', nullable: true })
  coverId: number | null;

  /** JSON array of attachment ids. */
  @Column({ type: 'text' })
  imageIds: string;

  /** JSON array of attachment ids. */
  @Column({ type: 'text' })
  attachmentIds: string;

  @Column({ type: 'boolean', default: false })
  edited: boolean;
}
