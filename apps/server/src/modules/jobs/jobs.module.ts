import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobHandlers } from './job-handlers';
import { JobRunner } from './job-runner';
import { JobsRepository } from './jobs.repository';
import { JobsWorker } from './jobs.worker';

/** Every role can enqueue and read job state; only the worker role ticks. */
@Module({})
export class JobsModule {
  static forRole(worker: boolean): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: worker ? [ScheduleModule.forRoot()] : [],
      providers: [JobsRepository, JobHandlers, JobRunner, ...(worker ? [JobsWorker] : [])],
      exports: [JobsRepository, JobHandlers, JobRunner],
    };
  }
}
