import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../columns';

/** Heartbeat of a worker process, for /api/health and for telling a dead worker's leases apart. */
@Entity('workers')
export class WorkerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 128 })
  host: string;

  @Column({ type: 'int' })
  pid: number;

  @InstantColumn()
  startedAt: Date;

  @InstantColumn()
  lastSeenAt: Date;
}
