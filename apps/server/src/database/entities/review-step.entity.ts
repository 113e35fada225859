import { type ReviewDecision } from '@sunlight/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { InstantColumn } from '../columns';
import { PostChild } from './post-child';
import { UserEntity } from './user.entity';

/** One signature of one review level (初审/复审/终审): who decided what, with comments anchored to the text. */
@Entity('review_steps')
@Index('idx_review_steps_post_round', ['postId', 'round'])
export class ReviewStepEntity extends PostChild {
  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'int' })
  level: number;

  @Column({ type: 'int' })
  reviewerId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  decision: ReviewDecision;

  @Column({ type: 'text' })
  comment: string;

  /** JSON array of {quote, start, end, text}. */
  @Column({ type: 'text' })
  anchors: string;

  /** JSON array of the gate warning keys the reviewer acknowledged. */
  @Column({ type: 'text' })
  acknowledgedWarnings: string;

  /** An approver signed this level for an urgent post (紧急审批). */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @InstantColumn()
  at: Date;
}
