import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { backfillDepartmentRollups } from '../department-rollups-backfill';

export class AddDepartmentRollups1795483857012 implements MigrationInterface {
  name = 'AddDepartmentRollups1795483857012';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"figure_rollup_department_daily\" (\"published\" integer NOT NULL DEFAULT (0), \"original\" integer NOT NULL DEFAULT (0), \"forwarded\" integer NOT NULL DEFAULT (0), \"unclassified\" integer NOT NULL DEFAULT (0), \"reposts\" integer NOT NULL DEFAULT (0), \"reads\" integer NOT NULL DEFAULT (0), \"likes\" integer NOT NULL DEFAULT (0), \"comments\" integer NOT NULL DEFAULT (0), \"page_views\" integer NOT NULL DEFAULT (0), \"day\" varchar(10) NOT NULL, \"department_id\" integer NOT NULL, \"channel\" varchar(16) NOT NULL, PRIMARY KEY (\"day\", \"department_id\", \"channel\"))");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_department_daily_department\" ON \"figure_rollup_department_daily\" (\"department_id\", \"day\") ");
    await queryRunner.query("CREATE TABLE \"figure_rollup_department_monthly\" (\"published\" integer NOT NULL DEFAULT (0), \"original\" integer NOT NULL DEFAULT (0), \"forwarded\" integer NOT NULL DEFAULT (0), \"unclassified\" integer NOT NULL DEFAULT (0), \"reposts\" integer NOT NULL DEFAULT (0), \"reads\" integer NOT NULL DEFAULT (0), \"likes\" integer NOT NULL DEFAULT (0), \"comments\" integer NOT NULL DEFAULT (0), \"page_views\" integer NOT NULL DEFAULT (0), \"month\" varchar(7) NOT NULL, \"department_id\" integer NOT NULL, \"channel\" varchar(16) NOT NULL, PRIMARY KEY (\"month\", \"department_id\", \"channel\"))");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_department_monthly_department\" ON \"figure_rollup_department_monthly\" (\"department_id\", \"month\") ");
    await queryRunner.query("CREATE TABLE \"figure_rollup_department_yearly\" (\"published\" integer NOT NULL DEFAULT (0), \"original\" integer NOT NULL DEFAULT (0), \"forwarded\" integer NOT NULL DEFAULT (0), \"unclassified\" integer NOT NULL DEFAULT (0), \"reposts\" integer NOT NULL DEFAULT (0), \"reads\" integer NOT NULL DEFAULT (0), \"likes\" integer NOT NULL DEFAULT (0), \"comments\" integer NOT NULL DEFAULT (0), \"page_views\" integer NOT NULL DEFAULT (0), \"year\" varchar(4) NOT NULL, \"department_id\" integer NOT NULL, \"channel\" varchar(16) NOT NULL, PRIMARY KEY (\"year\", \"department_id\", \"channel\"))");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_department_yearly_department\" ON \"figure_rollup_department_yearly\" (\"department_id\", \"year\") ");
    await backfillDepartmentRollups(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_department_yearly_department\"");
    await queryRunner.query("DROP TABLE \"figure_rollup_department_yearly\"");
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_department_monthly_department\"");
    await queryRunner.query("DROP TABLE \"figure_rollup_department_monthly\"");
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_department_daily_department\"");
    await queryRunner.query("DROP TABLE \"figure_rollup_department_daily\"");
  }
}
