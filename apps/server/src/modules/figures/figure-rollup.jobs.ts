// The figures worker job: recompute the rollup rows of the days write paths marked, claimed through the
// lease mechanism (modules/jobs) so any number of workers may tick and one runs it at a time.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { JobHandlers, type JobHandler } from '../jobs/job-handlers';
import { JobsRepository, type NewJob } from '../jobs/jobs.repository';
import { FigureRollupRepository } from './figure-rollup.repository';
import { FigureRollupService } from './figure-rollup.service';

export const FIGURES_ROLLUP_JOB = 'figures.rollup';

/** One rollup job at a time: the dedupe key is given back when it ends, so the next tick can queue another. */
export function figuresRollupJob(runAt: Date): NewJob {
  return { name: FIGURES_ROLLUP_JOB, dedupeKey: FIGURES_ROLLUP_JOB, runAt };
}

/** Registered in every role: any process that drains jobs (a worker, or a test) can run it. */
@Injectable()
export class FigureRollupJobs implements OnModuleInit, JobHandler {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly jobs: JobsRepository,
    private readonly repo: FigureRollupRepository,
    private readonly rollup: FigureRollupService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(FIGURES_ROLLUP_JOB, this);
  }

  /** The rows, the deleted marks and the version commit with the job; a long backlog continues as a chain. */
  async run(_job: unknown, tx: EntityManager): Promise<void> {
    if (await this.rollup.applyMarks(tx)) {
      const now = this.clock.now();
      await this.jobs.enqueue([figuresRollupJob(now)], now, tx);
    }
  }

  /** The tick's whole work: queue the job when some day is marked. Returns whether it was. */
  async enqueueIfDirty(): Promise<boolean> {
    if (!(await this.repo.hasMarks())) return false;
    const now = this.clock.now();
    await this.jobs.enqueue([figuresRollupJob(now)], now);
    return true;
  }
}
