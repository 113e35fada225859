import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { HEARTBEAT_MS, JobRunner } from './job-runner';

/** The worker role's ticks: they only find and claim due work; the runner does it. */
@Injectable()
export class JobsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private stopping = false;
  /**
   * Claims wait for the first heartbeat: whoever holds a lease is then known in the workers table, so once
   * it falls silent (killed) others take its jobs over without waiting for the leases to run out.
   */
  private reported = false;

  constructor(private readonly runner: JobRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.heartbeat();
  }

  @Interval('jobs.drain', 250)
  async drain(): Promise<void> {
    if (this.stopping || !this.reported) return;
    await this.runner.drain().catch((err: unknown) => this.logger.error({ err }, 'claiming jobs failed'));
  }

  @Interval('jobs.heartbeat', HEARTBEAT_MS)
  async heartbeat(): Promise<void> {
    if (this.stopping) return;
    await this.runner
      .heartbeat()
      .then(() => (this.reported = true))
      .catch((err: unknown) => this.logger.error({ err }, 'heartbeat failed'));
  }

  /** Finished collector polls alone add thousands of rows an hour; failed jobs stay a month for inspection. */
  @Interval('jobs.purge', 3_600_000)
  async purge(): Promise<void> {
    if (this.stopping) return;
    await this.runner
      .purgeFinished()
      .catch((err: unknown) => this.logger.error({ err }, 'purging jobs failed'));
  }

  onApplicationShutdown(): void {
    this.stopping = true;
  }
}
