import { type QueryRunner } from 'typeorm';

/**
 * AddDepartmentRollups' fill of the new tables on both engines: the rows of what was rolled up before, the
 * account rows of each period added up by department and channel. Frozen with that migration.
 */
export async function backfillDepartmentRollups(queryRunner: QueryRunner): Promise<void> {
  const counts = ['published', 'original', 'forwarded', 'unclassified', 'reposts', 'reads', 'likes', 'comments', 'page_views']
    // Backticks: `reads` is reserved in MySQL, and SQLite accepts them too.
    .map((c) => `\`${c}\``);
  for (const [key, level] of [
    ['day', 'daily'],
    ['month', 'monthly'],
    ['year', 'yearly'],
  ]) {
    await queryRunner.query(
      `INSERT INTO figure_rollup_department_${level} (${key}, department_id, channel, ${counts.join(', ')}) ` +
        `SELECT r.${key}, a.department_id, a.channel, ${counts.map((c) => `SUM(r.${c})`).join(', ')} ` +
        `FROM figure_rollup_${level} r JOIN accounts a ON a.id = r.account_id GROUP BY r.${key}, a.department_id, a.channel`,
    );
  }
}
