import { type Classification, type PostKind, type PostStatus } from '@sunlight/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, LongTextColumn, UpdatedAtColumn } from '../columns';
import { DepartmentEntity } from './department.entity';
import { UserEntity } from './user.entity';

/**
 * 稿件: written once by an editor of a department, tailored per target account (post_variants), reviewed at
 * `reviewLevels` levels and scheduled as one publication per target. `version` counts saves: every edit
 * names the version it started from, so two editors never overwrite each other unseen.
 */
@Entity('posts')
@Index('idx_posts_department_status', ['departmentId', 'status'])
@Index('idx_posts_status_awaiting', ['status', 'awaitingSince'])
export class PostEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  /** The author's department when the post was created: its editors share the draft, its reviewers sign. */
  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @Column({ type: 'int' })
  authorId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 200, default: '' })
  title: string;

  /** Sanitised HTML. */
  @LongTextColumn()
  body: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PostKind;

  /** For a forward (转发): the external id or URL of what is reposted. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  forwardOf: string | null;

  @Column({ type: 'varchar', length: 16 })
  classification: Classification;

  /** JSON array of strings. */
  @Column({ type: 'text' })
  tags: string;

  /** JSON array of attachment ids (documents and images uploaded for the post). */
  @Column({ type: 'text' })
  attachmentIds: string;

  @Column({ type: 'varchar', length: 24 })
  status: PostStatus;

  /** Copied from the department when submitted, so a later change of the setting does not move it. */
  @Column({ type: 'int', default: 2 })
  reviewLevels: number;

  /** The level awaited while submitted or in review; 0 otherwise. */
  @Column({ type: 'int', default: 0 })
  currentLevel: number;

  /** Counts submissions: signatures of an earlier round do not carry over after a rejection or an edit. */
  @Column({ type: 'int', default: 0 })
  reviewRound: number;

  /** Since when the current level has waited (review queue: oldest first, waiting time). */
  @InstantColumn({ nullable: true })
  awaitingSince: Date | null;

  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  urgentReason: string | null;

  /** Planned publishing time; final approval schedules it then (or at once if it has passed). */
  @InstantColumn({ nullable: true })
  scheduledAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
