import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { InstantColumn } from '../columns';
import { PublicationEntity } from './publication.entity';

/**
 * Counts of one publication as read at one time. null = not reported. Two kinds of rows:
 * - `day` null: running totals at `takenAt` (Weibo counts); a new row per reading, figures use the latest.
 * - `day` set (YYYY-MM-DD, Asia/Shanghai): that day's increments (WeChat datacube, portal page views); one row
 *   per publication and day, replaced when the day is read again, so totals are the sum over days.
 */
@Entity('metric_snapshots')
@Index('idx_metric_snapshots_publication_taken', ['publicationId', 'takenAt'])
@Unique('uq_metric_snapshots_publication_day', ['publicationId', 'day'])
export class MetricSnapshotEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  publicationId: number;

  @ManyToOne(() => PublicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'publication_id' })
  publication?: PublicationEntity;

  @InstantColumn()
  takenAt: Date;

  @Column({ type: 'varchar', length: 10, nullable: true })
  day: string | null;

  @Column({ type: 'int', nullable: true })
  reads: number | null;

  @Column({ type: 'int', nullable: true })
  likes: number | null;

  @Column({ type: 'int', nullable: true })
  reposts: number | null;

  @Column({ type: 'int', nullable: true })
  comments: number | null;

  @Column({ type: 'int', nullable: true })
  pageViews: number | null;
}
