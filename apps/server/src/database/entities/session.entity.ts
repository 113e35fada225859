import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn } from '../columns';
import { UserEntity } from './user.entity';

/** A login session. Only the SHA-256 of the cookie token is stored, so a database leak opens no session. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 64 })
  csrfToken: string;

  @CreatedAtColumn()
  createdAt: Date;

  @InstantColumn()
  lastSeenAt: Date;

  /** Absolute end of the session, however active it is. */
  @InstantColumn()
  expiresAt: Date;

  @InstantColumn({ nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
