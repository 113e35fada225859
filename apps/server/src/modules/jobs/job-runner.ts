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

/** How often a worker process reports that it is alive (the workers table). */
export const HEARTBEAT_MS = 2_000;
/**
 * A worker silent this long is dead (SIGKILL, a lost machine): its running jobs are taken over at once
 * instead of after their leases. Many missed heartbeats, so a busy but live worker is never mistaken for one.
 */
export const WORKER_DEAD_AFTER_MS = 15_000;
/** While jobs run and nothing more was due, how soon the runner looks for new work again. */
const RECHECK_MS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with jitter (half to all of the ceiling): 2 s, 4 s, 8 s … capped at `capMs`. */
export function retryDelayMs(attempt: number, random = Math.random, capMs = 600_000): number {
  const ceiling = Math.min(capMs, 2000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Claims due jobs and runs them; one instance per worker process. */
@Injectable()
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger('Jobs');
  private readonly startedAt = new Date();
  private draining = false;
  private dead: { at: number; owners: readonly string[] } = { at: -Infinity, owners: [] };
  options: JobRunnerOptions = defaultJobRunnerOptions;

  constructor(
    private readonly repo: JobsRepository,
    private readonly handlers: JobHandlers,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs due jobs until none is left; overlapping ticks return at once. Returns how many ran. Up to
   * `batchSize` jobs run at once, and a slot that frees is filled at once: one slow job (a channel taking
   * its time) never holds back the others, nor the claim of work that comes due meanwhile.
   */
  async drain(): Promise<number> {
    if (this.draining) return 0;
    this.draining = true;
    let ran = 0;
    const running = new Set<Promise<void>>();
    try {
      for (;;) {
        const free = this.options.batchSize - running.size;
        // A claim is a transaction of its own: a slot or two is filled with the next batch, not one by one.
        const claimNow = running.size === 0 || free >= Math.max(1, this.options.batchSize / 4);
        const jobs =
          claimNow && free > 0
            ? await this.repo.claim(
                this.workerId,
                free,
                this.clock.now(),
                this.options.leaseMs,
                await this.deadOwners(),
              )
            : [];
        for (const job of jobs) {
          const done: Promise<void> = this.runOne(job).finally(() => running.delete(done));
          running.add(done);
        }
        ran += jobs.length;
        if (running.size === 0) return ran;
        // Nothing more due: wait for a slot to free or a moment to pass, then look again. Otherwise: a slot.
        const exhausted = claimNow && jobs.length < free;
        await Promise.race(exhausted ? [...running, sleep(RECHECK_MS)] : [...running]);
      }
    } finally {
      this.draining = false;
    }
  }

  /** Owners of leases that died with their worker; asked again at most once a second. */
  private async deadOwners(): Promise<readonly string[]> {
    const now = this.clock.now().getTime();
    if (now - this.dead.at >= 1000)
      this.dead = {
        at: now,
        owners: await this.repo.workersSilentSince(new Date(now - WORKER_DEAD_AFTER_MS)),
      };
    return this.dead.owners;
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
