import type { FigureCode, FigureResult, FigureValues } from '@sunlight/contracts';

export interface RankingRow {
  departmentId: number;
  name: string;
  /** The chosen department's own accounts (本级), as opposed to a child with its whole subtree. */
  own: boolean;
  values: FigureValues;
}

export type SortOrder = 'descending' | 'ascending';

/** The rows of GET /api/figures?by=department, named; the 本级 row carries the suffix given. */
export function rankingRows(result: FigureResult, ownSuffix: string): RankingRow[] {
  return result.rows.flatMap((row) => {
    const id = row.key.department;
    if (id === undefined) return [];
    const own = id === result.department.id;
    const name = result.names.departments[String(id)] ?? String(id);
    return [{ departmentId: id, name: own ? `${name}${ownSuffix}` : name, own, values: row.values }];
  });
}

/**
 * 排名 by one figure. A department where the figure is undefined (a rate with nothing to divide) goes last
 * whichever way the table is sorted; ties keep the organisation's name order.
 */
export function sortRanking(rows: readonly RankingRow[], figure: FigureCode, order: SortOrder): RankingRow[] {
  const sign = order === 'descending' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a.values[figure];
    const y = b.values[figure];
    const missing = Number(x === null || x === undefined) - Number(y === null || y === undefined);
    if (missing !== 0) return missing;
    return sign * ((x ?? 0) - (y ?? 0)) || a.name.localeCompare(b.name, 'zh-CN');
  });
}
