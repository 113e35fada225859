import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../columns';
import { PublicationEntity } from './publication.entity';

/** Counts of one publication as read at one time; figures use the latest snapshot. null = not reported. */
@Entity('metric_snapshots')
@Index('idx_metric_snapshots_publication_taken', ['publicationId', 'takenAt'])
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
