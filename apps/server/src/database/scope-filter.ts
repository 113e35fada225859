import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/**
 * The condition "in one of these department subtrees" (paths as prefixes, 分级负责), for queries that
 * combine it with others. An empty scope matches nothing. `key` keeps parameter names apart when one
 * query uses two scopes.
 */
export function subtreeClause(
  pathColumn: string,
  paths: readonly string[],
  key = 'scope',
): { sql: string; params: Record<string, string> } {
  if (paths.length === 0) return { sql: '1 = 0', params: {} };
  const clauses = paths.map((_, i) => `${pathColumn} LIKE :${key}${i}`);
  const params = Object.fromEntries(paths.map((p, i) => [`${key}${i}`, `${p}%`]));
  return { sql: `(${clauses.join(' OR ')})`, params };
}

/**
 * Narrows a query to department subtrees given as path prefixes (分级负责). An empty scope matches
 * nothing, so a caller without a grant sees no rows rather than all of them.
 */
export function whereInSubtrees<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  pathColumn: string,
  paths: readonly string[],
): SelectQueryBuilder<T> {
  const { sql, params } = subtreeClause(pathColumn, paths);
  return qb.andWhere(sql, params);
}
