import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { CollectionSchedule } from './collection-schedule.service';

/**
 * The worker role's collection tick: it only finds due streams and metrics and enqueues them, dedupe-keyed,
 * so any number of workers may tick; the jobs drain (modules/jobs) runs them.
 */
@Injectable()
export class CollectionWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('Collection');
  private stopping = false;
  private busy = false;

  constructor(private readonly schedule: CollectionSchedule) {}

  @Interval('collection.enqueue-due', 5000)
  async enqueueDue(): Promise<void> {
    // A slow database must not stack ticks on top of each other.
    if (this.stopping || this.busy) return;
    this.busy = true;
    try {
      await this.schedule.enqueueDue();
    } catch (err) {
      this.logger.error({ err }, 'finding due collection work failed');
    } finally {
      this.busy = false;
    }
  }

  onApplicationShutdown(): void {
    this.stopping = true;
  }
}
