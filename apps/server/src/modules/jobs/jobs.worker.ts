import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { JobRunner } from './job-runner';

/** The worker role's ticks: they only find and claim due work; the runner does it. */
@Injectable()
export class JobsWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private stopping = false;

  constructor(private readonly runner: JobRunner) {}

  @Interval('jobs.drain', 250)
  async drain(): Promise<void> {
    if (this.stopping) return;
    await this.runner.drain().catch((err: unknown) => this.logger.error({ err }, 'claiming jobs failed'));
  }

  @Interval('jobs.heartbeat', 5000)
  async heartbeat(): Promise<void> {
    if (this.stopping) return;
    await this.runner.heartbeat().catch((err: unknown) => this.logger.error({ err }, 'heartbeat failed'));
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
