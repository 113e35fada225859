import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DispatchSchedule } from './dispatch-schedule.service';

/**
 * The worker role's dispatch tick: it only finds due publications and enqueues their send jobs, so a post
 * goes out within about half a second of its time; the jobs drain (modules/jobs) sends.
 */
@Injectable()
export class DispatchWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('Dispatch');
  private stopping = false;
  private busy = false;

  constructor(private readonly schedule: DispatchSchedule) {}

  @Interval('dispatch.enqueue-due', 300)
  async enqueueDue(): Promise<void> {
    // A slow database must not stack ticks on top of each other.
    if (this.stopping || this.busy) return;
    this.busy = true;
    try {
      await this.schedule.enqueueDue();
    } catch (err) {
      this.logger.error({ err }, 'finding due publications failed');
    } finally {
      this.busy = false;
    }
  }

  onApplicationShutdown(): void {
    this.stopping = true;
  }
}
