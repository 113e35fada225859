import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { columnQuotaQuerySchema } from '@sunlight/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { columnQuotaReaderRoles, ColumnQuotasService } from './column-quotas.service';

class ColumnQuotaQueryDto extends createZodDto(columnQuotaQuerySchema) {}

/** 栏目考核: every assessed column in scope with done vs target per period. */
@ApiTags('column-quotas')
@Controller('column-quotas')
export class ColumnQuotasController {
  constructor(private readonly quotas: ColumnQuotasService) {}

  @Get()
  @Roles(...columnQuotaReaderRoles)
  report(@CurrentActor() actor: Actor, @Query() q: ColumnQuotaQueryDto) {
    return this.quotas.report(actor, q);
  }
}
