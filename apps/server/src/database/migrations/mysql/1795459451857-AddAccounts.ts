import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddAccounts1795459451857 implements MigrationInterface {
  name = 'AddAccounts1795459451857';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `accounts` (`id` int NOT NULL AUTO_INCREMENT, `department_id` int NOT NULL, `channel` varchar(16) NOT NULL, `name` varchar(64) NOT NULL, `base_url` varchar(255) NOT NULL, `settings` text NOT NULL, `secrets` text NULL, `secret_keys` varchar(255) NOT NULL DEFAULT '', `access_token` text NULL, `token_expires_at` datetime(3) NULL, `auth_failed_at` datetime(3) NULL, `disabled` tinyint NOT NULL DEFAULT 0, `last_collected_at` datetime(3) NULL, `last_error` text NULL, `last_error_at` datetime(3) NULL, `consecutive_failures` int NOT NULL DEFAULT '0', `backoff_until` datetime(3) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_accounts_department` (`department_id`, `channel`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `collect_cursors` (`account_id` int NOT NULL, `stream` varchar(32) NOT NULL, `cursor` text NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`account_id`, `stream`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `columns` (`id` int NOT NULL AUTO_INCREMENT, `account_id` int NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(64) NOT NULL, `quota_period` varchar(16) NULL, `quota_min` int NULL, `quota_max` int NULL, `disabled` tinyint NOT NULL DEFAULT 0, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_columns_account_code` (`account_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `interactions` (`id` int NOT NULL AUTO_INCREMENT, `account_id` int NOT NULL, `external_id` varchar(128) NOT NULL, `kind` varchar(16) NOT NULL, `text` text NOT NULL, `author_id` varchar(128) NULL, `author_name` varchar(128) NULL, `created_at` datetime(3) NOT NULL, `collected_at` datetime(3) NOT NULL, `publication_external_id` varchar(128) NULL, `parent_external_id` varchar(128) NULL, `reply_context` text NULL, `title` varchar(255) NULL, INDEX `idx_interactions_account_created` (`account_id`, `created_at`), UNIQUE INDEX `uq_interactions_account_external` (`account_id`, `external_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `publications` (`id` int NOT NULL AUTO_INCREMENT, `account_id` int NOT NULL, `post_id` int NULL, `column_id` int NULL, `external_id` varchar(128) NULL, `kind` varchar(16) NOT NULL, `title` varchar(255) NOT NULL DEFAULT '', `text` text NOT NULL, `url` varchar(512) NULL, `status` varchar(24) NOT NULL, `failure` varchar(16) NULL, `source` varchar(16) NOT NULL, `idempotency_key` varchar(191) NULL, `published_at` datetime(3) NULL, `forward_of` varchar(128) NULL, `attempts` int NOT NULL DEFAULT '0', `last_error` text NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_publications_account_status_time` (`account_id`, `status`, `published_at`), UNIQUE INDEX `IDX_039afdfd81f3db1116b13d8d7a` (`idempotency_key`), UNIQUE INDEX `uq_publications_account_external` (`account_id`, `external_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `metric_snapshots` (`id` int NOT NULL AUTO_INCREMENT, `publication_id` int NOT NULL, `taken_at` datetime(3) NOT NULL, `reads` int NULL, `likes` int NULL, `reposts` int NULL, `comments` int NULL, `page_views` int NULL, INDEX `idx_metric_snapshots_publication_taken` (`publication_id`, `taken_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `accounts` ADD CONSTRAINT `FK_ffcbca9e90238fb3dc5f7a7f6e9` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `collect_cursors` ADD CONSTRAINT `FK_36c51be3fc5fedb1cb99e764c4a` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `columns` ADD CONSTRAINT `FK_b78ada3d46f9d8eb427d40b8bb2` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `interactions` ADD CONSTRAINT `FK_54ee272cf4f6b897c2f8130b973` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `publications` ADD CONSTRAINT `FK_c1520bee1ece0a9f51abd5ead31` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `publications` ADD CONSTRAINT `FK_a00d822617e58afd0577148d2e4` FOREIGN KEY (`column_id`) REFERENCES `columns`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `metric_snapshots` ADD CONSTRAINT `FK_741cef11fea2edaedc99cdf7e4a` FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `metric_snapshots` DROP FOREIGN KEY `FK_741cef11fea2edaedc99cdf7e4a`");
    await queryRunner.query("ALTER TABLE `publications` DROP FOREIGN KEY `FK_a00d822617e58afd0577148d2e4`");
    await queryRunner.query("ALTER TABLE `publications` DROP FOREIGN KEY `FK_c1520bee1ece0a9f51abd5ead31`");
    await queryRunner.query("ALTER TABLE `interactions` DROP FOREIGN KEY `FK_54ee272cf4f6b897c2f8130b973`");
    await queryRunner.query("ALTER TABLE `columns` DROP FOREIGN KEY `FK_b78ada3d46f9d8eb427d40b8bb2`");
    await queryRunner.query("ALTER TABLE `collect_cursors` DROP FOREIGN KEY `FK_36c51be3fc5fedb1cb99e764c4a`");
    await queryRunner.query("ALTER TABLE `accounts` DROP FOREIGN KEY `FK_ffcbca9e90238fb3dc5f7a7f6e9`");
    await queryRunner.query("DROP INDEX `idx_metric_snapshots_publication_taken` ON `metric_snapshots`");
    await queryRunner.query("DROP TABLE `metric_snapshots`");
    await queryRunner.query("DROP INDEX `uq_publications_account_external` ON `publications`");
    await queryRunner.query("DROP INDEX `IDX_039afdfd81f3db1116b13d8d7a` ON `publications`");
    await queryRunner.query("DROP INDEX `idx_publications_account_status_time` ON `publications`");
    await queryRunner.query("DROP TABLE `publications`");
    await queryRunner.query("DROP INDEX `uq_interactions_account_external` ON `interactions`");
    await queryRunner.query("DROP INDEX `idx_interactions_account_created` ON `interactions`");
    await queryRunner.query("DROP TABLE `interactions`");
    await queryRunner.query("DROP INDEX `uq_columns_account_code` ON `columns`");
    await queryRunner.query("DROP TABLE `columns`");
    await queryRunner.query("DROP TABLE `collect_cursors`");
    await queryRunner.query("DROP INDEX `idx_accounts_department` ON `accounts`");
    await queryRunner.query("DROP TABLE `accounts`");
  }
}
