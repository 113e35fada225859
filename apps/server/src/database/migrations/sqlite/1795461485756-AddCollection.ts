import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddCollection1795461485756 implements MigrationInterface {
  name = 'AddCollection1795461485756';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"history_imports\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"account_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"streams_total\" integer NOT NULL, \"streams_done\" integer NOT NULL DEFAULT (0), \"pages\" integer NOT NULL DEFAULT (0), \"publications_read\" integer NOT NULL DEFAULT (0), \"interactions_read\" integer NOT NULL DEFAULT (0), \"last_error\" text, \"requested_by\" varchar(64), \"started_at\" datetime(3) NOT NULL, \"finished_at\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"idx_history_imports_account\" ON \"history_imports\" (\"account_id\", \"started_at\") ");
    await queryRunner.query("DROP INDEX \"idx_metric_snapshots_publication_taken\"");
    await queryRunner.query("CREATE TABLE \"temporary_metric_snapshots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"publication_id\" integer NOT NULL, \"taken_at\" datetime(3) NOT NULL, \"reads\" integer, \"likes\" integer, \"reposts\" integer, \"comments\" integer, \"page_views\" integer, \"day\" varchar(10), CONSTRAINT \"FK_741cef11fea2edaedc99cdf7e4a\" FOREIGN KEY (\"publication_id\") REFERENCES \"publications\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_metric_snapshots\"(\"id\", \"publication_id\", \"taken_at\", \"reads\", \"likes\", \"reposts\", \"comments\", \"page_views\") SELECT \"id\", \"publication_id\", \"taken_at\", \"reads\", \"likes\", \"reposts\", \"comments\", \"page_views\" FROM \"metric_snapshots\"");
    await queryRunner.query("DROP TABLE \"metric_snapshots\"");
    await queryRunner.query("ALTER TABLE \"temporary_metric_snapshots\" RENAME TO \"metric_snapshots\"");
    await queryRunner.query("CREATE INDEX \"idx_metric_snapshots_publication_taken\" ON \"metric_snapshots\" (\"publication_id\", \"taken_at\") ");
    await queryRunner.query("DROP INDEX \"idx_metric_snapshots_publication_taken\"");
    await queryRunner.query("CREATE TABLE \"temporary_metric_snapshots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"publication_id\" integer NOT NULL, \"taken_at\" datetime(3) NOT NULL, \"reads\" integer, \"likes\" integer, \"reposts\" integer, \"comments\" integer, \"page_views\" integer, \"day\" varchar(10), CONSTRAINT \"uq_metric_snapshots_publication_day\" UNIQUE (\"publication_id\", \"day\"), CONSTRAINT \"FK_741cef11fea2edaedc99cdf7e4a\" FOREIGN KEY (\"publication_id\") REFERENCES \"publications\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_metric_snapshots\"(\"id\", \"publication_id\", \"taken_at\", \"reads\", \"likes\", \"reposts\", \"comments\", \"page_views\", \"day\") SELECT \"id\", \"publication_id\", \"taken_at\", \"reads\", \"likes\", \"reposts\", \"comments\", \"page_views\", \"day\" FROM \"metric_snapshots\"");
    await queryRunner.query("DROP TABLE \"metric_snapshots\"");
    await queryRunner.query("ALTER TABLE \"temporary_metric_snapshots\" RENAME TO \"metric_snapshots\"");
    await queryRunner.query("CREATE INDEX \"idx_metric_snapshots_publication_taken\" ON \"metric_snapshots\" (\"publication_id\", \"taken_at\") ");
    await queryRunner.query("DROP INDEX \"idx_history_imports_account\"");
    await queryRunner.query("CREATE TABLE \"temporary_history_imports\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"account_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"streams_total\" integer NOT NULL, \"streams_done\" integer NOT NULL DEFAULT (0), \"pages\" integer NOT NULL DEFAULT (0), \"publications_read\" integer NOT NULL DEFAULT (0), \"interactions_read\" integer NOT NULL DEFAULT (0), \"last_error\" text, \"requested_by\" varchar(64), \"started_at\" datetime(3) NOT NULL, \"finished_at\" datetime(3), CONSTRAINT \"FK_82cfd4f8ca565b1ed1ae084475e\" FOREIGN KEY (\"account_id\") REFERENCES \"accounts\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_history_imports\"(\"id\", \"account_id\", \"status\", \"streams_total\", \"streams_done\", \"pages\", \"publications_read\", \"interactions_read\", \"last_error\", \"requested_by\", \"started_at\", \"finished_at\") SELECT \"id\", \"account_id\", \"status\", \"streams_total\", \"streams_done\", \"pages\", \"publications_read\", \"interactions_read\", \"last_error\", \"requested_by\", \"started_at\", \"finished_at\" FROM \"history_imports\"");
    await queryRunner.query("DROP TABLE \"history_imports\"");
    await queryRunner.query("ALTER TABLE \"temporary_history_imports\" RENAME TO \"history_imports\"");
    await queryRunner.query("CREATE INDEX \"idx_history_imports_account\" ON \"history_imports\" (\"account_id\", \"started_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_history_imports_account\"");
    await queryRunner.query("ALTER TABLE \"history_imports\" RENAME TO \"temporary_history_imports\"");
    await queryRunner.query("CREATE TABLE \"history_imports\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"account_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"streams_total\" integer NOT NULL, \"streams_done\" integer NOT NULL DEFAULT (0), \"pages\" integer NOT NULL DEFAULT (0), \"publications_read\" integer NOT NULL DEFAULT (0), \"interactions_read\" integer NOT NULL DEFAULT (0), \"last_error\" text, \"requested_by\" varchar(64), \"started_at\" datetime(3) NOT NULL, \"finished_at\" datetime(3))");
    await queryRunner.query("INSERT INTO \"history_imports\"(\"id\", \"account_id\", \"status\", \"streams_total\", \"streams_done\", \"pages\", \"publications_read\", \"interactions_read\", \"last_error\", \"requested_by\", \"started_at\", \"finished_at\") SELECT \"id\", \"account_id\", \"status\", \"streams_total\", \"streams_done\", \"pages\", \"publications_read\", \"interactions_read\", \"last_error\", \"requested_by\", \"started_at\", \"finished_at\" FROM \"temporary_history_imports\"");
    await queryRunner.query("DROP TABLE \"temporary_history_imports\"");
    await queryRunner.query("CREATE INDEX \"idx_history_imports_account\" ON \"history_imports\" (\"account_id\", \"started_at\") ");
    await queryRunner.query("DROP INDEX \"idx_metric_snapshots_publication_taken\"");
    await queryRunner.query("ALTER TABLE \"metric_snapshots\" RENAME TO \"temporary_metric_snapshots\"");
    await queryRunner.query("CREATE TABLE \"metric_snapshots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"publication_id\" integer NOT NULL, \"taken_at\" datetime(3) NOT NULL, \"reads\" integer, \"likes\" integer, \"reposts\" integer, \"comments\" integer, \"page_views\" integer, \"day\" varchar(10), CONSTRAINT \"FK_741cef11fea2edaedc99cdf7e4a\" FOREIGN KEY (\"publication_id\") REFERENCES \"publications\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"metric_snapshots\"(\"id\", \"publication_id\", \"taken_at\", \"reads\", \"likes\", \"reposts\", \"comments\", \"page_views\", \"day\") SELECT \"id\", \"publication_id\", \"taken_at\", \"reads\", \"likes\", \"reposts\", \"comments\", \"page_views\", \"day\" FROM \"temporary_metric_snapshots\"");
    await queryRunner.query("DROP TABLE \"temporary_metric_snapshots\"");
    await queryRunner.query("CREATE INDEX \"idx_metric_snapshots_publication_taken\" ON \"metric_snapshots\" (\"publication_id\", \"taken_at\") ");
    await queryRunner.query("DROP INDEX \"idx_metric_snapshots_publication_taken\"");
    await queryRunner.query("ALTER TABLE \"metric_snapshots\" RENAME TO \"temporary_metric_snapshots\"");
    await queryRunner.query("CREATE TABLE \"metric_snapshots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"publication_id\" integer NOT NULL, \"taken_at\" datetime(3) NOT NULL, \"reads\" integer, \"likes\" integer, \"reposts\" integer, \"comments\" integer, \"page_views\" integer, CONSTRAINT \"FK_741cef11fea2edaedc99cdf7e4a\" FOREIGN KEY (\"publication_id\") REFERENCES \"publications\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"metric_snapshots\"(\"id\", \"publication_id\", \"taken_at\", \"reads\", \"likes\", \"reposts\", \"comments\", \"page_views\") SELECT \"id\", \"publication_id\", \"taken_at\", \"reads\", \"likes\", \"reposts\", \"comments\", \"page_views\" FROM \"temporary_metric_snapshots\"");
    await queryRunner.query("DROP TABLE \"temporary_metric_snapshots\"");
    await queryRunner.query("CREATE INDEX \"idx_metric_snapshots_publication_taken\" ON \"metric_snapshots\" (\"publication_id\", \"taken_at\") ");
    await queryRunner.query("DROP INDEX \"idx_history_imports_account\"");
    await queryRunner.query("DROP TABLE \"history_imports\"");
  }
}
