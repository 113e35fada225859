import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../columns';
import { DepartmentEntity } from './department.entity';

/**
 * An uploaded image or document. The bytes live once per content under <data dir>/files/<hash prefix>/<hash>;
 * each upload is its own row, scoped to the uploader's department, so the same file sent by two departments
 * is stored once and readable by each.
 */
@Entity('attachments')
@Index('idx_attachments_hash', ['hash'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  /** SHA-256 of the content, hex. */
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Sniffed from the bytes, not taken from the browser. */
  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @Column({ type: 'int' })
  uploadedBy: number;

  @CreatedAtColumn()
  createdAt: Date;
}
