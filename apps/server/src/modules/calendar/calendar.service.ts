import { HttpStatus, Injectable } from '@nestjs/common';
import { type CalendarEvent, type CalendarQuery, calendarReaderRoles } from '@sunlight/contracts';
import { type Actor, coversPath, scopePaths } from '../../common/actor';
import { AppError, forbidden } from '../../common/app-error';
import { shanghaiDayEnd, shanghaiDayStart } from '../../common/shanghai-time';
import { type PublicationEntity } from '../../database/entities';
import { DepartmentsRepository } from '../departments/departments.repository';
import { CalendarRepository } from './calendar.repository';

/** A month view with the days of the weeks around it is 42 days; a little more leaves room. */
const MAX_DAYS = 62;

/** 内容日历: every scheduled and published publication in the caller's scope, by day. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repo: CalendarRepository,
    private readonly departments: DepartmentsRepository,
  ) {}

  async events(actor: Actor, q: CalendarQuery): Promise<CalendarEvent[]> {
    const start = shanghaiDayStart(q.from);
    const end = shanghaiDayEnd(q.to);
    const days = (end.getTime() - start.getTime()) / 86_400_000;
    if (days < 1 || days > MAX_DAYS)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `日期范围应在 1 至 ${MAX_DAYS} 天之间`,
        `The range must be 1 to ${MAX_DAYS} days`,
        [{ path: 'to', message: `日期范围应在 1 至 ${MAX_DAYS} 天之间` }],
      );
    let paths = scopePaths(actor, calendarReaderRoles);
    if (q.department !== undefined) {
      const d = await this.departments.findById(q.department);
      if (!d || !coversPath(actor, d.path, calendarReaderRoles))
        throw forbidden('您无权查看该部门的内容日历', 'Department outside your scope');
      paths = [d.path];
    }
    const rows = await this.repo.events({
      paths,
      start,
      end,
      accountId: q.account,
      channel: q.channel,
      columnId: q.column,
    });
    return rows
      .map(toCalendarEvent)
      .sort((a, b) => a.at.localeCompare(b.at) || a.publicationId - b.publicationId);
  }
}

function toCalendarEvent(p: PublicationEntity): CalendarEvent {
  const at = p.status === 'published' ? p.publishedAt : p.dueAt;
  return {
    publicationId: p.id,
    postId: p.postId,
    title: p.title || p.text.slice(0, 40),
    channel: p.account!.channel,
    accountId: p.accountId,
    accountName: p.account!.name,
    departmentId: p.account!.departmentId,
    departmentName: p.account!.department?.name ?? '',
    columnId: p.columnId,
    columnName: p.column?.name ?? null,
    status: p.status,
    source: p.source,
    at: (at ?? p.createdAt).toISOString(),
    url: p.url,
    movable: p.status === 'queued' && p.postId !== null && p.source === 'sunlight',
  };
}
