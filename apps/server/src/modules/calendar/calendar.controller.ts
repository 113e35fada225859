import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { calendarQuerySchema, calendarReaderRoles } from '@sunlight/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/decorators';
import { CalendarService } from './calendar.service';

class CalendarQueryDto extends createZodDto(calendarQuerySchema) {}

/** 内容日历. Moving, cancelling or sending one publication: /api/publications/:id/… (posts module). */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Roles(...calendarReaderRoles)
  events(@CurrentActor() actor: Actor, @Query() q: CalendarQueryDto) {
    return this.calendar.events(actor, q);
  }
}
