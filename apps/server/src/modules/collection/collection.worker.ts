import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DueWorkTick } from '../jobs/due-work-tick';
import { CollectionSchedule } from './collection-schedule.service';

/**
 * The worker role's collection tick: it only finds due streams and metrics and enqueues them, dedupe-keyed,
 * so any number of workers may tick; the jobs drain (modules/jobs) runs them.
 */
@Injectable()
export class CollectionWorker implements OnApplicationShutdown {
  private readonly tick = new DueWorkTick(new Logger('Collection'), 'finding due collection work failed');

  constructor(private readonly schedule: CollectionSchedule) {}

  @Interval('collection.enqueue-due', 5000)
  enqueueDue(): Promise<void> {
    return this.tick.run(() => this.schedule.enqueueDue());
  }

  onApplicationShutdown(): void {
    this.tick.stop();
  }
}
