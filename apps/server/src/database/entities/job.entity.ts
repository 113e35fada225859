import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, UpdatedAtColumn } from '../columns';

export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * Due work for the workers. The database is the queue: a claim is a lease written in the same
 * transaction that selects the row, so two workers can never hold the same job at once.
 */
@Entity('jobs')
@Index('idx_jobs_due', ['status', 'runAt'])
export class JobEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Optional key that makes enqueueing idempotent (e.g. one collector poll per account). */
  @Column({ type: 'varchar', length: 191, nullable: true, unique: true })
  dedupeKey: string | null;

  @Column({ type: 'text' })
  payload: string;

  @InstantColumn()
  runAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: JobStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @InstantColumn({ nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int', default: 5 })
  maxAttempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @InstantColumn({ nullable: true })
  finishedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
