import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { accountReaderRoles, idSchema } from '@sunlight/contracts';
import { ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { CollectionAdminService } from './collection-admin.service';

const idPipe = new ZodValidationPipe(idSchema);

/** 采集 of one account: its history import and 立即采集. Admins act; readers of the matrix may follow. */
@ApiTags('collection')
@Controller('accounts/:id')
export class CollectionController {
  constructor(private readonly admin: CollectionAdminService) {}

  /** 202: the import runs in the workers; GET follows it. 409 while one is running. */
  @Post('import')
  @HttpCode(202)
  @Roles('admin')
  startImport(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.admin.startImport(actor, id);
  }

  @Get('import')
  @Roles(...accountReaderRoles)
  importState(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.admin.importState(actor, id);
  }

  @Post('collect')
  @HttpCode(202)
  @Roles('admin')
  collectNow(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.admin.collectNow(actor, id);
  }
}
