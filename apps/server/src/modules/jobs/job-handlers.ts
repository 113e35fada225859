import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type JobEntity } from '../../database/entities';

/**
 * One handler per job name. `run` receives the transaction that marks the job done: database
 * effects written through it commit exactly once with the job, or not at all.
 */
export interface JobHandler {
  run(job: JobEntity, tx: EntityManager): Promise<void>;
}

@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler>();

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`Job handler ${name} is registered twice`);
    this.handlers.set(name, handler);
  }

  get(name: string): JobHandler | undefined {
    return this.handlers.get(name);
  }
}
