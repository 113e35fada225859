import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Health } from '@sunlight/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { DispatchRepository } from '../dispatch/dispatch.repository';
import { JobsRepository } from '../jobs/jobs.repository';

/** A worker that has not reported for this long is counted as gone. */
export const WORKER_ALIVE_WINDOW_MS = 30_000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsRepository,
    private readonly publications: DispatchRepository,
    private readonly clock: Clock,
  ) {}

  async check(): Promise<Health> {
    const now = this.clock.now();
    try {
      await this.ds.query('SELECT 1');
    } catch {
      return { status: 'degraded', db: 'down', workers: { alive: 0, oldestDueLagSeconds: 0 } };
    }
    // A due publication counts before its send job exists: with no worker ticking, none would be queued.
    const [alive, oldestJob, oldestPublication] = await Promise.all([
      this.jobs.countWorkersSeenSince(new Date(now.getTime() - WORKER_ALIVE_WINDOW_MS)),
      this.jobs.oldestDue(now),
      this.publications.oldestDue(now),
    ]);
    const oldest = earliest(oldestJob, oldestPublication);
    const oldestDueLagSeconds = oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0;
    const stuck = alive === 0 || oldestDueLagSeconds > 60;
    return {
      status: stuck ? 'degraded' : 'ok',
      db: 'up',
      workers: { alive, oldestDueLagSeconds: Math.round(oldestDueLagSeconds * 10) / 10 },
    };
  }
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a < b ? a : b;
}
