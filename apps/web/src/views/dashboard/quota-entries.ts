import type { FigureResult } from '@sunlight/contracts';
import type { ColumnQuotaEntry } from '@/charts/options/column-quota';

export interface QuotaRow extends ColumnQuotaEntry {
  periods: number;
  met: number;
}

/** 栏目更新达标 per column from GET /api/figures?by=column, named, the columns without a period left out. */
export function quotaRows(result: FigureResult | null): QuotaRow[] {
  if (!result) return [];
  return result.rows.flatMap((row) => {
    const id = row.key.column;
    const periods = row.values.quotaPeriods ?? 0;
    if (id === undefined || periods === 0) return [];
    return [
      {
        columnId: id,
        label: result.names.columns[String(id)] ?? String(id),
        rate: row.values.columnQuotaRate ?? null,
        periods,
        met: row.values.quotaPeriodsMet ?? 0,
      },
    ];
  });
}
