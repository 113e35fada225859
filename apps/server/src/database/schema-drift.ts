import { type DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to make the migrated schema match the entities; empty when the
 * migration set and the entities agree.
 */
export async function pendingSchemaChanges(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query),
  };
}
