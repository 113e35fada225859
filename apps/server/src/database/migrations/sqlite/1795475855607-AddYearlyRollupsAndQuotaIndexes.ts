import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Generated, then one statement added by hand: the yearly rows of the months already rolled up, so an
// existing installation reads the same figures for whole years after the upgrade.

export class AddYearlyRollupsAndQuotaIndexes1795475855607 implements MigrationInterface {
  name = 'AddYearlyRollupsAndQuotaIndexes1795475855607';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_daily_column_day\"");
    await queryRunner.query("CREATE TABLE \"figure_rollup_yearly\" (\"published\" integer NOT NULL DEFAULT (0), \"original\" integer NOT NULL DEFAULT (0), \"forwarded\" integer NOT NULL DEFAULT (0), \"unclassified\" integer NOT NULL DEFAULT (0), \"reposts\" integer NOT NULL DEFAULT (0), \"reads\" integer NOT NULL DEFAULT (0), \"likes\" integer NOT NULL DEFAULT (0), \"comments\" integer NOT NULL DEFAULT (0), \"page_views\" integer NOT NULL DEFAULT (0), \"year\" varchar(4) NOT NULL, \"account_id\" integer NOT NULL, \"column_id\" integer NOT NULL, PRIMARY KEY (\"year\", \"account_id\", \"column_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_yearly_account_year\" ON \"figure_rollup_yearly\" (\"account_id\", \"year\") ");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_daily_column_day\" ON \"figure_rollup_daily\" (\"column_id\", \"day\", \"published\") ");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_monthly_column_month\" ON \"figure_rollup_monthly\" (\"column_id\", \"month\", \"published\") ");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_monthly_account_month\" ON \"figure_rollup_monthly\" (\"account_id\", \"month\") ");
    await queryRunner.query("INSERT INTO \"figure_rollup_yearly\" (\"year\", \"account_id\", \"column_id\", \"published\", \"original\", \"forwarded\", \"unclassified\", \"reposts\", \"reads\", \"likes\", \"comments\", \"page_views\") SELECT SUBSTR(\"month\", 1, 4), \"account_id\", \"column_id\", SUM(\"published\"), SUM(\"original\"), SUM(\"forwarded\"), SUM(\"unclassified\"), SUM(\"reposts\"), SUM(\"reads\"), SUM(\"likes\"), SUM(\"comments\"), SUM(\"page_views\") FROM \"figure_rollup_monthly\" GROUP BY SUBSTR(\"month\", 1, 4), \"account_id\", \"column_id\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_monthly_account_month\"");
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_monthly_column_month\"");
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_daily_column_day\"");
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_yearly_account_year\"");
    await queryRunner.query("DROP TABLE \"figure_rollup_yearly\"");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_daily_column_day\" ON \"figure_rollup_daily\" (\"column_id\", \"day\") ");
  }
}
