import { type DynamicModule, Module } from '@nestjs/common';
import { ColumnQuotasModule } from '../column-quotas/column-quotas.module';
import { DepartmentsModule } from '../departments/departments.module';
import { FigureCountsRepository } from './figure-counts.repository';
import { FigureQuotaService } from './figure-quota.service';
import { FigureRollupJobs } from './figure-rollup.jobs';
import { FigureRollupRepository } from './figure-rollup.repository';
import { FigureRollupService } from './figure-rollup.service';
import { FigureRowsRepository } from './figure-rows.repository';
import { FigureRowsService } from './figure-rows.service';
import { FigureScope } from './figure-scope';
import { FigureSharedParts } from './figure-shared-parts';
import { FiguresController } from './figures.controller';
import { FiguresService } from './figures.service';
import { FiguresWorker } from './figures.worker';

/**
 * 统计指标: rollups kept by the worker from the dirty marks write paths leave, and the figures API read
 * from them. The rollup job is registered in every role; only the worker ticks, only the api serves.
 */
@Module({})
export class FiguresModule {
  static forRole(roles: { api: boolean; worker: boolean }): DynamicModule {
    return {
      module: FiguresModule,
      imports: roles.api ? [DepartmentsModule, ColumnQuotasModule] : [],
      controllers: roles.api ? [FiguresController] : [],
      providers: [
        FigureRollupRepository,
        FigureRollupService,
        FigureRollupJobs,
        ...(roles.api
          ? [
              FigureScope,
              FigureCountsRepository,
              FigureQuotaService,
              FigureRowsRepository,
              FigureRowsService,
              FigureSharedParts,
              FiguresService,
            ]
          : []),
        ...(roles.worker ? [FiguresWorker] : []),
      ],
      exports: [FigureRollupService],
    };
  }
}
