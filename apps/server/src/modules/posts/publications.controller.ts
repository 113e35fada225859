import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idSchema, reschedulePublicationRequestSchema, schedulerRoles } from '@sunlight/contracts';
import { createZodDto, ZodValidationPipe } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { PublicationActions } from './publication-actions.service';

class RescheduleDto extends createZodDto(reschedulePublicationRequestSchema) {}
const idPipe = new ZodValidationPipe(idSchema);

/** One scheduled publication, from the content calendar: move, cancel, send now (204 when done). */
@ApiTags('calendar')
@Controller('publications/:id')
export class PublicationsController {
  constructor(private readonly actions: PublicationActions) {}

  @Post('reschedule')
  @HttpCode(204)
  @Roles(...schedulerRoles)
  reschedule(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number, @Body() body: RescheduleDto) {
    return this.actions.reschedule(actor, id, body.dueAt);
  }

  @Post('cancel')
  @HttpCode(204)
  @Roles(...schedulerRoles)
  cancel(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.actions.cancel(actor, id);
  }

  @Post('send-now')
  @HttpCode(204)
  @Roles(...schedulerRoles)
  sendNow(@CurrentActor() actor: Actor, @Param('id', idPipe) id: number) {
    return this.actions.sendNow(actor, id);
  }
}
