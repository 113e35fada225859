import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../columns';

/** Consecutive failed logins per username, whether or not such a user exists (no user enumeration). */
@Entity('login_throttles')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @InstantColumn({ nullable: true })
  lockedUntil: Date | null;

  @InstantColumn()
  lastFailureAt: Date;
}
