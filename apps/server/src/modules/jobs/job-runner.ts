import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { type JobEntity } from '../../database/entities';
import { JobHandlers } from './job-handlers';
import { JobsRepository } from './jobs.repository';

export interface JobRunnerOptions {
  batchSize: number;
  leaseMs: number;
}

export const defaultJobRunnerOptions: JobRunnerOptions = { batchSize: 20, leaseMs: 60_000 };

/** Exponential backoff with full jitter: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(600_000, 2000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Claims due jobs and runs them; one instance per worker process. */
@Injectable()
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger('Jobs');
  private readonly startedAt = new Date();
  private draining = false;
  options: JobRunnerOptions = defaultJobRunnerOptions;

  constructor(
    private readonly repo: JobsRepository,
    private readonly handlers: JobHandlers,
    private readonly clock: Clock,
  ) {}

  /** Runs due jobs until none is left; overlapping ticks return at once. Returns how many ran. */
  async drain(): Promise<number> {
    if (this.draining) return 0;
    this.draining = true;
    let ran = 0;
    try {
      for (;;) {
        const jobs = await this.repo.claim(
          this.workerId,
          this.options.batchSize,
          this.clock.now(),
          this.options.leaseMs,
        );
        await Promise.all(jobs.map((j) => this.runOne(j)));
        ran += jobs.length;
        if (jobs.length < this.options.batchSize) return ran;
      }
    } finally {
      this.draining = false;
    }
  }

  private async runOne(job: JobEntity): Promise<void> {
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      const prepared = await handler.prepare(job);
      const completed = await this.repo.complete(job, this.workerId, this.clock.now(), (tx) =>
        handler.run(job, tx, prepared),
      );
      if (!completed)
        this.logger.warn({ jobId: job.id, name: job.name }, 'lease lost; another worker has the job');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retry =
        job.attempts < job.maxAttempts
          ? new Date(this.clock.now().getTime() + retryDelayMs(job.attempts))
          : null;
      this.logger.warn(
        {
          jobId: job.id,
          name: job.name,
          attempt: job.attempts,
          retry: retry?.toISOString() ?? null,
          err: message,
        },
        'job failed',
      );
      await this.repo.release(job, this.workerId, message.slice(0, 2000), retry, this.clock.now());
    }
  }

  purgeFinished(): Promise<void> {
    const now = this.clock.now().getTime();
    return this.repo.purgeFinished(new Date(now - 86_400_000), new Date(now - 30 * 86_400_000));
  }

  async heartbeat(): Promise<void> {
    const now = this.clock.now();
    await this.repo.heartbeat(
      { id: this.workerId, host: hostname().slice(0, 128), pid: process.pid, startedAt: this.startedAt },
      now,
    );
    await this.repo.forgetWorkersSilentSince(new Date(now.getTime() - 24 * 3600 * 1000));
  }
}
