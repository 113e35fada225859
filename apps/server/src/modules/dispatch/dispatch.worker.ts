import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DueWorkTick } from '../jobs/due-work-tick';
import { DispatchSchedule } from './dispatch-schedule.service';

/**
 * The worker role's dispatch tick: it only finds due publications and enqueues their send jobs, so a post
 * goes out within about half a second of its time; the jobs drain (modules/jobs) sends.
 */
@Injectable()
export class DispatchWorker implements OnApplicationShutdown {
  private readonly tick = new DueWorkTick(new Logger('Dispatch'), 'finding due publications failed');

  constructor(private readonly schedule: DispatchSchedule) {}

  @Interval('dispatch.enqueue-due', 300)
  enqueueDue(): Promise<void> {
    return this.tick.run(() => this.schedule.enqueueDue());
  }

  onApplicationShutdown(): void {
    this.tick.stop();
  }
}
