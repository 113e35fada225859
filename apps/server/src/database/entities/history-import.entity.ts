import { type HistoryImportStatus } from '@sunlight/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../columns';
import { AccountEntity } from './account.entity';

/**
 * 历史导入: one run of walking an account's streams from the platform's oldest item, as a chain of jobs
 * (one per page). The counters advance in the transaction that stores each page, so they never run ahead
 * of the rows.
 */
@Entity('history_imports')
@Index('idx_history_imports_account', ['accountId', 'startedAt'])
export class HistoryImportEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ type: 'varchar', length: 16 })
  status: HistoryImportStatus;

  @Column({ type: 'int' })
  streamsTotal: number;

  @Column({ type: 'int', default: 0 })
  streamsDone: number;

  @Column({ type: 'int', default: 0 })
  pages: number;

  @Column({ type: 'int', default: 0 })
  publicationsRead: number;

  @Column({ type: 'int', default: 0 })
  interactionsRead: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestedBy: string | null;

  @InstantColumn()
  startedAt: Date;

  @InstantColumn({ nullable: true })
  finishedAt: Date | null;
}
