import { type QuotaPeriod } from '@sunlight/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../columns';
import { AccountEntity } from './account.entity';
import { DepartmentEntity } from './department.entity';

/**
 * 栏目: a column of a portal account with its update quota, e.g. 7 per day (min = max = 7), at least 1 per
 * month (no max), 2–3 per month. A column without a period has no requirement (不考核).
 */
@Entity('columns')
@Unique('uq_columns_account_code', ['accountId', 'code'])
export class ColumnEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  /** The CMS's own column code (e.g. jwdt), as publishing and the feeds name it. */
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  quotaPeriod: QuotaPeriod | null;

  @Column({ type: 'int', nullable: true })
  quotaMin: number | null;

  @Column({ type: 'int', nullable: true })
  quotaMax: number | null;

  /** 责任部门: who must keep the column updated; null = the account's own department. */
  @Column({ type: 'int', nullable: true })
  responsibleDepartmentId: number | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'responsible_department_id' })
  responsibleDepartment?: DepartmentEntity | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
