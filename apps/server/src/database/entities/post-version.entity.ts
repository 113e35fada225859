import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { InstantColumn, LongTextColumn } from '../columns';
import { PostChild } from './post-child';
import { UserEntity } from './user.entity';

/** A full snapshot of a post (fields and variants) as one save left it: the post's history (修改记录). */
@Entity('post_versions')
@Unique('uq_post_versions_post_version', ['postId', 'version'])
export class PostVersionEntity extends PostChild {
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'int' })
  authorId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @InstantColumn()
  at: Date;

  /** Comma-separated names of what this save changed. */
  @Column({ type: 'varchar', length: 500 })
  changed: string;

  /** JSON of the post's fields and variants after the save. */
  @LongTextColumn()
  snapshot: string;
}
