import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddCollection1795461485756 implements MigrationInterface {
  name = 'AddCollection1795461485756';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `history_imports` (`id` int NOT NULL AUTO_INCREMENT, `account_id` int NOT NULL, `status` varchar(16) NOT NULL, `streams_total` int NOT NULL, `streams_done` int NOT NULL DEFAULT '0', `pages` int NOT NULL DEFAULT '0', `publications_read` int NOT NULL DEFAULT '0', `interactions_read` int NOT NULL DEFAULT '0', `last_error` text NULL, `requested_by` varchar(64) NULL, `started_at` datetime(3) NOT NULL, `finished_at` datetime(3) NULL, INDEX `idx_history_imports_account` (`account_id`, `started_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `metric_snapshots` ADD `day` varchar(10) NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_metric_snapshots_publication_day` ON `metric_snapshots` (`publication_id`, `day`)");
    await queryRunner.query("ALTER TABLE `history_imports` ADD CONSTRAINT `FK_82cfd4f8ca565b1ed1ae084475e` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `history_imports` DROP FOREIGN KEY `FK_82cfd4f8ca565b1ed1ae084475e`");
    await queryRunner.query("DROP INDEX `uq_metric_snapshots_publication_day` ON `metric_snapshots`");
    await queryRunner.query("ALTER TABLE `metric_snapshots` DROP COLUMN `day`");
    await queryRunner.query("DROP INDEX `idx_history_imports_account` ON `history_imports`");
    await queryRunner.query("DROP TABLE `history_imports`");
  }
}
