import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddPosts1795464650561 implements MigrationInterface {
  name = 'AddPosts1795464650561';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `attachments` (`id` int NOT NULL AUTO_INCREMENT, `hash` varchar(64) NOT NULL, `name` varchar(255) NOT NULL, `mime` varchar(100) NOT NULL, `size` int NOT NULL, `department_id` int NOT NULL, `uploaded_by` int NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_attachments_hash` (`hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `posts` (`id` int NOT NULL AUTO_INCREMENT, `department_id` int NOT NULL, `author_id` int NOT NULL, `title` varchar(200) NOT NULL DEFAULT '', `body` mediumtext NOT NULL, `kind` varchar(16) NOT NULL, `forward_of` varchar(255) NULL, `classification` varchar(16) NOT NULL, `tags` text NOT NULL, `attachment_ids` text NOT NULL, `status` varchar(24) NOT NULL, `review_levels` int NOT NULL DEFAULT '2', `current_level` int NOT NULL DEFAULT '0', `review_round` int NOT NULL DEFAULT '0', `awaiting_since` datetime(3) NULL, `urgent` tinyint NOT NULL DEFAULT 0, `urgent_reason` varchar(200) NULL, `scheduled_at` datetime(3) NULL, `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_posts_status_awaiting` (`status`, `awaiting_since`), INDEX `idx_posts_department_status` (`department_id`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `post_events` (`id` int NOT NULL AUTO_INCREMENT, `post_id` int NOT NULL, `at` datetime(3) NOT NULL, `actor_id` int NULL, `actor_name` varchar(64) NULL, `action` varchar(32) NOT NULL, `from_status` varchar(24) NULL, `to_status` varchar(24) NOT NULL, `detail` varchar(500) NOT NULL DEFAULT '', INDEX `idx_post_events_post` (`post_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `post_variants` (`id` int NOT NULL AUTO_INCREMENT, `post_id` int NOT NULL, `account_id` int NOT NULL, `channel` varchar(16) NOT NULL, `column_id` int NULL, `title` varchar(200) NOT NULL DEFAULT '', `text` mediumtext NOT NULL, `digest` varchar(255) NOT NULL DEFAULT '', `author` varchar(64) NOT NULL DEFAULT '', `cover_id` int NULL, `image_ids` text NOT NULL, `attachment_ids` text NOT NULL, `edited` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `uq_post_variants_post_account` (`post_id`, `account_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `post_versions` (`id` int NOT NULL AUTO_INCREMENT, `post_id` int NOT NULL, `version` int NOT NULL, `author_id` int NOT NULL, `at` datetime(3) NOT NULL, `changed` varchar(500) NOT NULL, `snapshot` mediumtext NOT NULL, UNIQUE INDEX `uq_post_versions_post_version` (`post_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `review_steps` (`id` int NOT NULL AUTO_INCREMENT, `post_id` int NOT NULL, `round` int NOT NULL, `level` int NOT NULL, `reviewer_id` int NOT NULL, `decision` varchar(16) NOT NULL, `comment` text NOT NULL, `anchors` text NOT NULL, `acknowledged_warnings` text NOT NULL, `urgent` tinyint NOT NULL DEFAULT 0, `at` datetime(3) NOT NULL, INDEX `idx_review_steps_post_round` (`post_id`, `round`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `departments` ADD `review_levels` int NOT NULL DEFAULT '2'");
    await queryRunner.query("ALTER TABLE `publications` ADD `due_at` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `publications` ADD `payload` mediumtext NULL");
    await queryRunner.query("CREATE INDEX `idx_publications_status_due` ON `publications` (`status`, `due_at`)");
    await queryRunner.query("ALTER TABLE `attachments` ADD CONSTRAINT `FK_dffd4d39299101efbc99a4be5fa` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `posts` ADD CONSTRAINT `FK_007d68eded7ed88a91f9fc2dc70` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `posts` ADD CONSTRAINT `FK_312c63be865c81b922e39c2475e` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `publications` ADD CONSTRAINT `FK_cd39130a822b1a90b419e5e3574` FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `post_events` ADD CONSTRAINT `FK_e5ea1568e6526f6cc5dbd8d4e0e` FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `post_variants` ADD CONSTRAINT `FK_98dd1bfa88722d32020c8919a74` FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `post_variants` ADD CONSTRAINT `FK_b3ff7110222b6c7d86fa075c03a` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `post_variants` ADD CONSTRAINT `FK_d5e3466e54ff4b66d0b074f0a88` FOREIGN KEY (`column_id`) REFERENCES `columns`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `post_versions` ADD CONSTRAINT `FK_9778c599cf1352be4f8e665d108` FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `post_versions` ADD CONSTRAINT `FK_da8efebe6470c3cc5818b5334bd` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `review_steps` ADD CONSTRAINT `FK_eecbb6085779a84cf789666ea8f` FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `review_steps` ADD CONSTRAINT `FK_34ad2166f02ad5b9401604865d5` FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `review_steps` DROP FOREIGN KEY `FK_34ad2166f02ad5b9401604865d5`");
    await queryRunner.query("ALTER TABLE `review_steps` DROP FOREIGN KEY `FK_eecbb6085779a84cf789666ea8f`");
    await queryRunner.query("ALTER TABLE `post_versions` DROP FOREIGN KEY `FK_da8efebe6470c3cc5818b5334bd`");
    await queryRunner.query("ALTER TABLE `post_versions` DROP FOREIGN KEY `FK_9778c599cf1352be4f8e665d108`");
    await queryRunner.query("ALTER TABLE `post_variants` DROP FOREIGN KEY `FK_d5e3466e54ff4b66d0b074f0a88`");
    await queryRunner.query("ALTER TABLE `post_variants` DROP FOREIGN KEY `FK_b3ff7110222b6c7d86fa075c03a`");
    await queryRunner.query("ALTER TABLE `post_variants` DROP FOREIGN KEY `FK_98dd1bfa88722d32020c8919a74`");
    await queryRunner.query("ALTER TABLE `post_events` DROP FOREIGN KEY `FK_e5ea1568e6526f6cc5dbd8d4e0e`");
    await queryRunner.query("ALTER TABLE `publications` DROP FOREIGN KEY `FK_cd39130a822b1a90b419e5e3574`");
    await queryRunner.query("ALTER TABLE `posts` DROP FOREIGN KEY `FK_312c63be865c81b922e39c2475e`");
    await queryRunner.query("ALTER TABLE `posts` DROP FOREIGN KEY `FK_007d68eded7ed88a91f9fc2dc70`");
    await queryRunner.query("ALTER TABLE `attachments` DROP FOREIGN KEY `FK_dffd4d39299101efbc99a4be5fa`");
    await queryRunner.query("DROP INDEX `idx_publications_status_due` ON `publications`");
    await queryRunner.query("ALTER TABLE `publications` DROP COLUMN `payload`");
    await queryRunner.query("ALTER TABLE `publications` DROP COLUMN `due_at`");
    await queryRunner.query("ALTER TABLE `departments` DROP COLUMN `review_levels`");
    await queryRunner.query("DROP INDEX `idx_review_steps_post_round` ON `review_steps`");
    await queryRunner.query("DROP TABLE `review_steps`");
    await queryRunner.query("DROP INDEX `uq_post_versions_post_version` ON `post_versions`");
    await queryRunner.query("DROP TABLE `post_versions`");
    await queryRunner.query("DROP INDEX `uq_post_variants_post_account` ON `post_variants`");
    await queryRunner.query("DROP TABLE `post_variants`");
    await queryRunner.query("DROP INDEX `idx_post_events_post` ON `post_events`");
    await queryRunner.query("DROP TABLE `post_events`");
    await queryRunner.query("DROP INDEX `idx_posts_department_status` ON `posts`");
    await queryRunner.query("DROP INDEX `idx_posts_status_awaiting` ON `posts`");
    await queryRunner.query("DROP TABLE `posts`");
    await queryRunner.query("DROP INDEX `idx_attachments_hash` ON `attachments`");
    await queryRunner.query("DROP TABLE `attachments`");
  }
}
