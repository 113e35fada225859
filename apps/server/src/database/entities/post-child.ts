import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PostEntity } from './post.entity';

/**
 * What every row that belongs to one post starts with (versions, variants, review steps, timeline): its
 * id and the post, deleted with it. Not an entity itself, so not exported from index.ts.
 */
export abstract class PostChild {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  postId: number;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;
}
