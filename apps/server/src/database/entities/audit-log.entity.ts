import { type AuditAction, type AuditResult } from '@sunlight/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../columns';

/**
 * Append-only audit trail. Deliberately no foreign keys: an entry outlives the user and target it
 * names, and the database refuses UPDATE and DELETE on this table (triggers in the migrations).
 */
@Entity('audit_log')
@Index('idx_audit_log_at', ['at'])
@Index('idx_audit_log_username_at', ['username', 'at'])
@Index('idx_audit_log_action_at', ['action', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @InstantColumn()
  at: Date;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 48 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 16 })
  result: AuditResult;

  @Column({ type: 'text', nullable: true })
  detail: string | null;
}
