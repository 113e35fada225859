import { type Logger } from '@nestjs/common';

/**
 * A worker tick that finds due work: it never overlaps itself (a slow database must not stack ticks on top
 * of each other), stops at shutdown, and logs a failure instead of throwing into the scheduler.
 */
export class DueWorkTick {
  private stopping = false;
  private busy = false;

  constructor(
    private readonly logger: Logger,
    private readonly failure: string,
  ) {}

  async run(work: () => Promise<unknown>): Promise<void> {
    if (this.stopping || this.busy) return;
    this.busy = true;
    try {
      await work();
    } catch (err) {
      this.logger.error({ err }, this.failure);
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    this.stopping = true;
  }
}
