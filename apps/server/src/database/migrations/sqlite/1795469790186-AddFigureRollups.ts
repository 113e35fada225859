import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddFigureRollups1795469790186 implements MigrationInterface {
  name = 'AddFigureRollups1795469790186';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"figure_rollup_daily\" (\"published\" integer NOT NULL DEFAULT (0), \"original\" integer NOT NULL DEFAULT (0), \"forwarded\" integer NOT NULL DEFAULT (0), \"unclassified\" integer NOT NULL DEFAULT (0), \"reposts\" integer NOT NULL DEFAULT (0), \"reads\" integer NOT NULL DEFAULT (0), \"likes\" integer NOT NULL DEFAULT (0), \"comments\" integer NOT NULL DEFAULT (0), \"page_views\" integer NOT NULL DEFAULT (0), \"day\" varchar(10) NOT NULL, \"account_id\" integer NOT NULL, \"column_id\" integer NOT NULL, PRIMARY KEY (\"day\", \"account_id\", \"column_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_daily_column_day\" ON \"figure_rollup_daily\" (\"column_id\", \"day\") ");
    await queryRunner.query("CREATE INDEX \"idx_figure_rollup_daily_account_day\" ON \"figure_rollup_daily\" (\"account_id\", \"day\") ");
    await queryRunner.query("CREATE TABLE \"figure_rollup_marks\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"account_id\" integer NOT NULL, \"day\" varchar(10) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"figure_rollup_monthly\" (\"published\" integer NOT NULL DEFAULT (0), \"original\" integer NOT NULL DEFAULT (0), \"forwarded\" integer NOT NULL DEFAULT (0), \"unclassified\" integer NOT NULL DEFAULT (0), \"reposts\" integer NOT NULL DEFAULT (0), \"reads\" integer NOT NULL DEFAULT (0), \"likes\" integer NOT NULL DEFAULT (0), \"comments\" integer NOT NULL DEFAULT (0), \"page_views\" integer NOT NULL DEFAULT (0), \"month\" varchar(7) NOT NULL, \"account_id\" integer NOT NULL, \"column_id\" integer NOT NULL, PRIMARY KEY (\"month\", \"account_id\", \"column_id\"))");
    await queryRunner.query("CREATE TABLE \"figure_rollup_state\" (\"id\" integer PRIMARY KEY NOT NULL, \"version\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"figure_rollup_state\" (\"id\", \"version\") VALUES (1, 0)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"figure_rollup_state\"");
    await queryRunner.query("DROP TABLE \"figure_rollup_monthly\"");
    await queryRunner.query("DROP TABLE \"figure_rollup_marks\"");
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_daily_account_day\"");
    await queryRunner.query("DROP INDEX \"idx_figure_rollup_daily_column_day\"");
    await queryRunner.query("DROP TABLE \"figure_rollup_daily\"");
  }
}
