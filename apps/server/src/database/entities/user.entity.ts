import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, UpdatedAtColumn } from '../columns';
import { DepartmentEntity } from './department.entity';
import { UserRoleEntity } from './user-role.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  username: string;

  @Column({ type: 'varchar', length: 32 })
  displayName: string;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  /** Argon2id encoded hash (parameters and salt included). */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @InstantColumn({ nullable: true })
  lastLoginAt: Date | null;

  @OneToMany(() => UserRoleEntity, (r) => r.user)
  roles?: UserRoleEntity[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
