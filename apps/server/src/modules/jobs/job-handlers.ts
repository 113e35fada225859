import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type JobEntity } from '../../database/entities';

/**
 * One handler per job name. `run` receives the transaction that marks the job done: database
 * effects written through it commit exactly once with the job, or not at all.
 *
 * `prepare`, when given, runs first, outside any transaction, while the worker holds the job's lease:
 * calls to other systems (a channel's API) belong there, so no transaction — and on SQLite, no other
 * writer of the process — waits on the network. What it returns is handed to `run`; if the lease was
 * lost meanwhile, `run` is never called and nothing is written.
 */
export interface JobHandler<T = undefined> {
  prepare?(job: JobEntity): Promise<T>;
  run(job: JobEntity, tx: EntityManager, prepared: T): Promise<void>;
}

interface StoredHandler {
  prepare(job: JobEntity): Promise<unknown>;
  run(job: JobEntity, tx: EntityManager, prepared: unknown): Promise<void>;
}

@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, StoredHandler>();

  register<T = undefined>(name: string, handler: JobHandler<T>): void {
    if (this.handlers.has(name)) throw new Error(`Job handler ${name} is registered twice`);
    this.handlers.set(name, {
      prepare: (job) => (handler.prepare ? handler.prepare(job) : Promise.resolve(undefined)),
      // The runner passes back exactly what this handler's own prepare returned.
      run: (job, tx, prepared) => handler.run(job, tx, prepared as T),
    });
  }

  get(name: string): StoredHandler | undefined {
    return this.handlers.get(name);
  }
}
