import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Channel } from '@sunlight/contracts';
import { DataSource } from 'typeorm';
import { PublicationEntity } from '../../database/entities';
import { toDbInstant } from '../../database/instant';
import { whereInSubtrees } from '../../database/scope-filter';

export interface CalendarFilter {
  /** Department subtrees in view (the caller's scope, or one department of it). */
  paths: readonly string[];
  start: Date;
  end: Date;
  accountId?: number;
  channel?: Channel;
  columnId?: number;
}

/** Publications to show: live ones by when they went out, the rest by when they are due. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  events(f: CalendarFilter): Promise<PublicationEntity[]> {
    const start = toDbInstant(this.ds, f.start);
    const end = toDbInstant(this.ds, f.end);
    const qb = this.ds
      .getRepository(PublicationEntity)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.account', 'a')
      .innerJoinAndSelect('a.department', 'd')
      .leftJoinAndSelect('p.column', 'c')
      .where(
        "((p.status = 'published' AND p.published_at >= :start AND p.published_at < :end) OR " +
          "(p.status NOT IN ('published', 'cancelled') AND p.due_at >= :start AND p.due_at < :end))",
        { start, end },
      );
    whereInSubtrees(qb, 'd.path', f.paths);
    if (f.accountId) qb.andWhere('p.account_id = :account', { account: f.accountId });
    if (f.channel) qb.andWhere('a.channel = :channel', { channel: f.channel });
    if (f.columnId) qb.andWhere('p.column_id = :column', { column: f.columnId });
    return qb.orderBy('p.id', 'ASC').take(5000).getMany();
  }
}
