import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { figureQuerySchema, figureRowsQuerySchema } from '@sunlight/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { figureCatalogueResponse } from './figure-catalogue';
import { FigureRowsService } from './figure-rows.service';
import { figureReaderRoles } from './figure-scope';
import { FiguresService } from './figures.service';

class FigureQueryDto extends createZodDto(figureQuerySchema) {}
class FigureRowsQueryDto extends createZodDto(figureRowsQuerySchema) {}

/** 统计指标 (DESIGN.md's stable paths): values, the catalogue that defines them, and the rows behind them. */
@ApiTags('figures')
@Controller('figures')
export class FiguresController {
  constructor(
    private readonly figures: FiguresService,
    private readonly rows: FigureRowsService,
  ) {}

  @Get()
  @Roles(...figureReaderRoles)
  values(@CurrentActor() actor: Actor, @Query() q: FigureQueryDto) {
    return this.figures.figures(actor, q);
  }

  @Get('catalogue')
  @Roles(...figureReaderRoles)
  catalogue() {
    return figureCatalogueResponse();
  }

  /** 明细: the publications, column-periods or accounts one number counts, a page at a time. */
  @Get('rows')
  @Roles(...figureReaderRoles)
  drillDown(@CurrentActor() actor: Actor, @Query() q: FigureRowsQueryDto) {
    return this.rows.rows(actor, q);
  }
}
