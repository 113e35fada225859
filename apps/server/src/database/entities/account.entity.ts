import { type Channel } from '@sunlight/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, UpdatedAtColumn } from '../columns';
import { DepartmentEntity } from './department.entity';

/**
 * 账号: one channel account of one department. Department scope of everything collected or sent (columns,
 * publications, interactions, metrics, cursors) is enforced by joining through here.
 */
@Entity('accounts')
@Index('idx_accounts_department', ['departmentId', 'channel'])
export class AccountEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** The platform's API base (the real one or the sandbox's); for a portal, the site itself. */
  @Column({ type: 'varchar', length: 255 })
  baseUrl: string;

  /** Non-secret settings as JSON text (Weibo uid, WeChat appid, portal siteId and feed, a feed's URL). */
  @Column({ type: 'text' })
  settings: string;

  /** AES-256-GCM sealed JSON of the secret credentials (see common/secret-box.ts); null when none. */
  @Column({ type: 'text', nullable: true })
  secrets: string | null;

  /** Comma-separated names of the stored secrets, so listing accounts never has to decrypt anything. */
  @Column({ type: 'varchar', length: 255, default: '' })
  secretKeys: string;

  /** Sealed like `secrets`. */
  @Column({ type: 'text', nullable: true })
  accessToken: string | null;

  @InstantColumn({ nullable: true })
  tokenExpiresAt: Date | null;

  /** The platform refused the credentials since they were last set (test, collection or sending). */
  @InstantColumn({ nullable: true })
  authFailedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @InstantColumn({ nullable: true })
  lastCollectedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @InstantColumn({ nullable: true })
  lastErrorAt: Date | null;

  @Column({ type: 'int', default: 0 })
  consecutiveFailures: number;

  /** No collection before this instant (exponential backoff after failures, or a rate-limit reset). */
  @InstantColumn({ nullable: true })
  backoffUntil: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
