import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../columns';

/** 单位/部门: a node of the organisation tree. */
@Entity('departments')
export class DepartmentEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: DepartmentEntity | null;

  /** Materialised path of ids, e.g. "/1/4/9/", so a subtree is one indexed prefix match. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  path: string;

  @Column({ type: 'int' })
  depth: number;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** 审核级数 of the department's posts: 2 (初审、终审) or 3 (三审三校). */
  @Column({ type: 'int', default: 2 })
  reviewLevels: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
