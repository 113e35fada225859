// 明细: the raw publications behind a publication figure, a page at a time, with each one's latest totals
// computed exactly as the rollups compute them (figure-sql.ts).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Channel, type PublicationKind } from '@sunlight/contracts';
import { DataSource } from 'typeorm';
import { shanghaiDayEnd, shanghaiDayStart } from '../../common/shanghai-time';
import { engineOf } from '../../database/data-source';
import { fromDbInstant, toDbInstant } from '../../database/instant';
import { type SqlValue } from '../collection/collection-sql';
import { type DepartmentFilter, departmentCondition } from './figure-counts.repository';
import { ENGAGEMENT_COLUMNS, publicationTotalsSql } from './figure-sql';

export interface PublicationRowFilter {
  where: DepartmentFilter;
  /** Inclusive Shanghai days. */
  from: string;
  to: string;
  kinds?: readonly PublicationKind[];
  /** Only kinds other than these (未分类: neither original nor forward). */
  notKinds?: readonly PublicationKind[];
  channel?: Channel;
  accountId?: number;
  columnId?: number;
}

export interface PublicationRow {
  id: number;
  accountId: number;
  accountName: string;
  departmentName: string;
  channel: Channel;
  columnName: string | null;
  kind: PublicationKind;
  title: string;
  text: string;
  url: string | null;
  publishedAt: Date;
  totals: Record<(typeof ENGAGEMENT_COLUMNS)[number], number | null>;
}

@Injectable()
export class FigureRowsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One page of the live publications the filter selects, newest first, and how many there are. */
  async publications(
    f: PublicationRowFilter,
    page: number,
    pageSize: number,
  ): Promise<{ total: number; items: PublicationRow[] }> {
    const [where, params] = this.condition(f);
    const from = `FROM publications p JOIN accounts a ON a.id = p.account_id JOIN departments d ON d.id = a.department_id
                  LEFT JOIN columns c ON c.id = p.column_id WHERE ${where}`;
    const [count] = await this.ds.query<Array<{ n: number | string }>>(
      `SELECT COUNT(*) AS n ${from}`,
      params,
    );
    const rows = await this.ds.query<Array<Record<string, string | number | Date | null>>>(
      `SELECT p.id, p.account_id, a.name AS account_name, d.name AS department_name, a.channel, c.name AS column_name,
              p.kind, p.title, p.text, p.url, p.published_at
         ${from} ORDER BY p.published_at DESC, p.id DESC LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const totals = await this.totals(rows.map((r) => Number(r.id)));
    return {
      total: Number(count?.n ?? 0),
      items: rows.map((r) => ({
        id: Number(r.id),
        accountId: Number(r.account_id),
        accountName: String(r.account_name),
        departmentName: String(r.department_name),
        channel: r.channel as Channel,
        columnName: r.column_name === null ? null : String(r.column_name),
        kind: r.kind as PublicationKind,
        title: String(r.title),
        text: String(r.text),
        url: r.url === null ? null : String(r.url),
        publishedAt: fromDbInstant(r.published_at as string | Date),
        totals: totals.get(Number(r.id)) ?? emptyTotals(),
      })),
    };
  }

  private async totals(ids: readonly number[]) {
    const out = new Map<number, PublicationRow['totals']>();
    if (ids.length === 0) return out;
    const engine = engineOf(this.ds);
    const list = `SELECT p2.id FROM publications p2 WHERE p2.id IN (${ids.map(() => '?').join(', ')})`;
    const rows = await this.ds.query<Array<Record<string, number | string | null>>>(
      `SELECT t.* FROM ${publicationTotalsSql(engine, list)} t`,
      [...ids, ...ids, ...ids],
    );
    for (const r of rows)
      out.set(
        Number(r.publication_id),
        Object.fromEntries(
          ENGAGEMENT_COLUMNS.map((c) => [c, r[c] === null ? null : Number(r[c])]),
        ) as PublicationRow['totals'],
      );
    return out;
  }

  private condition(f: PublicationRowFilter): [string, SqlValue[]] {
    const [scope, scopeParams] = departmentCondition(f.where);
    const parts = [`p.status = 'published'`, 'p.published_at >= ?', 'p.published_at < ?', scope];
    const params: SqlValue[] = [
      toDbInstant(this.ds, shanghaiDayStart(f.from)),
      toDbInstant(this.ds, shanghaiDayEnd(f.to)),
      ...scopeParams,
    ];
    const list = (values: readonly string[]) => values.map(() => '?').join(', ');
    const add = (sql: string, ...values: SqlValue[]) => {
      parts.push(sql);
      params.push(...values);
    };
    if (f.kinds) add(`p.kind IN (${list(f.kinds)})`, ...f.kinds);
    if (f.notKinds) add(`p.kind NOT IN (${list(f.notKinds)})`, ...f.notKinds);
    if (f.channel) add('a.channel = ?', f.channel);
    if (f.accountId) add('p.account_id = ?', f.accountId);
    if (f.columnId) add('p.column_id = ?', f.columnId);
    return [parts.join(' AND '), params];
  }
}

function emptyTotals(): PublicationRow['totals'] {
  return Object.fromEntries(ENGAGEMENT_COLUMNS.map((c) => [c, null])) as PublicationRow['totals'];
}
