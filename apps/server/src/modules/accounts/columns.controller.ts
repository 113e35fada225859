import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  accountReaderRoles,
  createColumnRequestSchema,
  idSchema,
  updateColumnRequestSchema,
} from '@sunlight/contracts';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { ColumnsService } from './columns.service';

class CreateColumnDto extends createZodDto(createColumnRequestSchema) {}
class UpdateColumnDto extends createZodDto(updateColumnRequestSchema) {}
const idPipe = new ZodValidationPipe(idSchema);

/** 栏目 of a portal account, with their update quotas. */
@ApiTags('accounts')
@Controller('accounts/:accountId/columns')
export class ColumnsController {
  constructor(private readonly columns: ColumnsService) {}

  @Get()
  @Roles(...accountReaderRoles)
  list(@CurrentActor() actor: Actor, @Param('accountId', idPipe) accountId: number) {
    return this.columns.list(actor, accountId);
  }

  @Post()
  @Roles('admin')
  create(
    @CurrentActor() actor: Actor,
    @Param('accountId', idPipe) accountId: number,
    @Body() body: CreateColumnDto,
  ) {
    return this.columns.create(actor, accountId, body);
  }

  /** Also disables and enables a column (`{ disabled }`). */
  @Patch(':columnId')
  @Roles('admin')
  update(
    @CurrentActor() actor: Actor,
    @Param('accountId', idPipe) accountId: number,
    @Param('columnId', idPipe) columnId: number,
    @Body() body: UpdateColumnDto,
  ) {
    return this.columns.update(actor, accountId, columnId, body);
  }
}
