import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UpdatedAtColumn } from '../columns';
import { AccountEntity } from './account.entity';

/**
 * Where collection of one stream of one account stands (since_id, feed etag …). Written in the same
 * transaction as the rows it covers, so a crash never skips or repeats a page.
 */
@Entity('collect_cursors')
export class CollectCursorEntity {
  @PrimaryColumn({ type: 'int' })
  accountId: number;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  stream: string;

  /** Opaque to everything but the channel provider. */
  @Column({ type: 'text', nullable: true })
  cursor: string | null;

  @UpdatedAtColumn()
  updatedAt: Date;
}
