import { Injectable } from '@nestjs/common';
import { type ColumnQuotaRow } from '@sunlight/contracts';
import { countsByColumn, lastCountedDay, quotaColumns, quotaRow } from './column-quota-rows';
import { ColumnQuotasRepository, type QuotaColumnFilter } from './column-quotas.repository';

/**
 * 栏目考核's one counting function: done vs target per period of the columns a filter selects. The quota
 * page and the figures' 栏目更新达标率 both call it, so they can never disagree.
 */
@Injectable()
export class ColumnQuotaRowsService {
  constructor(private readonly repo: ColumnQuotasRepository) {}

  /** Every assessed column `filter` selects, with the periods that start within [from, to] by `today`. */
  async rows(filter: QuotaColumnFilter, from: string, to: string, today: string): Promise<ColumnQuotaRow[]> {
    const columns = quotaColumns(await this.repo.quotaColumns(filter), from, to, today);
    const counts = countsByColumn(
      await this.repo.countPublishedPerColumn(
        columns.map((c) => ({ id: c.column.id, period: c.column.rule.period })),
        from,
        lastCountedDay(columns, to),
      ),
    );
    return columns.map((c) => quotaRow(c, counts.get(c.column.id), today));
  }
}
