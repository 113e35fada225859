import { type Role } from '@sunlight/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DepartmentEntity } from './department.entity';

/** A role a user holds over a department subtree (分级负责). */
@Entity('user_roles')
@Unique('uq_user_roles_grant', ['userId', 'role', 'departmentId'])
export class UserRoleEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  userId: number;

  // Named by string so the two entities do not import each other.
  @ManyToOne('UserEntity', 'roles', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: unknown;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;
}
