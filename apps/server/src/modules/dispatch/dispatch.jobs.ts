// The dispatcher's job handlers, registered by name with the lease mechanism (modules/jobs).
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../jobs/job-handlers';
import { DISPATCH_POLL_JOB, DISPATCH_SEND_JOB } from './dispatch-job-specs';
import { DispatchPollHandler, DispatchSendHandler } from './dispatch.handlers';

/** Registered in every role: any process that drains jobs (a worker, or a test) can run them. */
@Injectable()
export class DispatchJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly send: DispatchSendHandler,
    private readonly poll: DispatchPollHandler,
  ) {}

  onModuleInit(): void {
    this.handlers.register(DISPATCH_SEND_JOB, this.send);
    this.handlers.register(DISPATCH_POLL_JOB, this.poll);
  }
}
