import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuditQuery } from '@sunlight/contracts';
import { DataSource } from 'typeorm';
import { AuditLogEntity } from '../../database/entities';
import { shanghaiDayEnd, shanghaiDayStart } from '../../common/shanghai-time';

/** Append and read; the table has no update or delete path, in code or in the database. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async append(entry: Omit<AuditLogEntity, 'id'>): Promise<void> {
    await this.ds.getRepository(AuditLogEntity).insert(entry);
  }

  async search(q: AuditQuery): Promise<[AuditLogEntity[], number]> {
    const qb = this.ds.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (q.username) qb.andWhere('a.username = :username', { username: q.username });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.result) qb.andWhere('a.result = :result', { result: q.result });
    if (q.from) qb.andWhere('a.at >= :from', { from: shanghaiDayStart(q.from) });
    if (q.to) qb.andWhere('a.at < :to', { to: shanghaiDayEnd(q.to) });
    return qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
  }
}
