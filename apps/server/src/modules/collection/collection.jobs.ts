// The collector's job handlers, registered by name with the lease mechanism (modules/jobs).
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../jobs/job-handlers';
import { CollectMetricsHandler } from './collect-metrics.handler';
import { CollectStreamHandler } from './collect-stream.handler';
import {
  COLLECT_METRICS_JOB,
  COLLECT_STREAM_JOB,
  IMPORT_PAGE_JOB,
  REFRESH_TOKEN_JOB,
} from './collection-job-specs';
import { ImportPageHandler } from './import-page.handler';
import { RefreshTokenHandler } from './refresh-token.handler';

/** Registered in every role: any process that drains jobs (a worker, or a test) can run them. */
@Injectable()
export class CollectionJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly stream: CollectStreamHandler,
    private readonly metrics: CollectMetricsHandler,
    private readonly refresh: RefreshTokenHandler,
    private readonly importPage: ImportPageHandler,
  ) {}

  onModuleInit(): void {
    this.handlers.register(COLLECT_STREAM_JOB, this.stream);
    this.handlers.register(COLLECT_METRICS_JOB, this.metrics);
    this.handlers.register(REFRESH_TOKEN_JOB, this.refresh);
    this.handlers.register(IMPORT_PAGE_JOB, this.importPage);
  }
}
