import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/**
 * Narrows a query to department subtrees given as path prefixes (分级负责). An empty scope matches
 * nothing, so a caller without a grant sees no rows rather than all of them.
 */
export function whereInSubtrees<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  pathColumn: string,
  paths: readonly string[],
): SelectQueryBuilder<T> {
  if (paths.length === 0) return qb.andWhere('1 = 0');
  const clauses = paths.map((_, i) => `${pathColumn} LIKE :scope${i}`);
  const params = Object.fromEntries(paths.map((p, i) => [`scope${i}`, `${p}%`]));
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
