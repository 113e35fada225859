import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** 内容日历: a read model over the publications; the actions on one live in the posts module. */
@Module({
  imports: [DepartmentsModule],
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService],
})
export class CalendarModule {}
