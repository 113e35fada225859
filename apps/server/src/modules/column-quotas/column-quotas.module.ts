import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { ColumnQuotaRowsService } from './column-quota-rows.service';
import { ColumnQuotasController } from './column-quotas.controller';
import { ColumnQuotasRepository } from './column-quotas.repository';
import { ColumnQuotasService } from './column-quotas.service';

/** 栏目考核. Exports its counting function: 栏目更新达标率 (figures) judges the same column-periods. */
@Module({
  imports: [DepartmentsModule],
  controllers: [ColumnQuotasController],
  providers: [ColumnQuotasRepository, ColumnQuotaRowsService, ColumnQuotasService],
  exports: [ColumnQuotaRowsService],
})
export class ColumnQuotasModule {}
