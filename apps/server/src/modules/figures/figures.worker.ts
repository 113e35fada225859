import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DueWorkTick } from '../jobs/due-work-tick';
import { FigureRollupJobs } from './figure-rollup.jobs';

/**
 * The worker role's figures tick: it only queues the rollup job when days are marked; the jobs drain runs
 * it. Every two seconds, so the dashboard trails a collected page by a few seconds at most.
 */
@Injectable()
export class FiguresWorker implements OnApplicationShutdown {
  private readonly tick = new DueWorkTick(new Logger('Figures'), 'queueing the rollup job failed');

  constructor(private readonly jobs: FigureRollupJobs) {}

  @Interval('figures.rollup', 2000)
  enqueueRollup(): Promise<void> {
    return this.tick.run(() => this.jobs.enqueueIfDirty());
  }

  onApplicationShutdown(): void {
    this.tick.stop();
  }
}
