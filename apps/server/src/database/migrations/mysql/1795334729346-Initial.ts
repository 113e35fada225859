import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Initial1795334729346 implements MigrationInterface {
  name = 'Initial1795334729346';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime(3) NOT NULL, `user_id` int NULL, `username` varchar(64) NULL, `ip` varchar(64) NULL, `action` varchar(48) NOT NULL, `target_type` varchar(32) NULL, `target_id` varchar(64) NULL, `result` varchar(16) NOT NULL, `detail` text NULL, INDEX `idx_audit_log_action_at` (`action`, `at`), INDEX `idx_audit_log_username_at` (`username`, `at`), INDEX `idx_audit_log_at` (`at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `departments` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(64) NOT NULL, `parent_id` int NULL, `path` varchar(255) NOT NULL, `depth` int NOT NULL, `disabled` tinyint NOT NULL DEFAULT 0, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_e15073bb06048b766cd7a83b81` (`path`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `jobs` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(64) NOT NULL, `dedupe_key` varchar(191) NULL, `payload` text NOT NULL, `run_at` datetime(3) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'queued', `lease_owner` varchar(64) NULL, `lease_expires_at` datetime(3) NULL, `attempts` int NOT NULL DEFAULT '0', `max_attempts` int NOT NULL DEFAULT '5', `last_error` text NULL, `finished_at` datetime(3) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_jobs_due` (`status`, `run_at`), UNIQUE INDEX `IDX_ce288f50d13f64c22330d2afa7` (`dedupe_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `login_throttles` (`username` varchar(64) NOT NULL, `failures` int NOT NULL DEFAULT '0', `locked_until` datetime(3) NULL, `last_failure_at` datetime(3) NOT NULL, PRIMARY KEY (`username`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `user_roles` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NOT NULL, `role` varchar(16) NOT NULL, `department_id` int NOT NULL, UNIQUE INDEX `uq_user_roles_grant` (`user_id`, `role`, `department_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, `username` varchar(32) NOT NULL, `display_name` varchar(32) NOT NULL, `department_id` int NOT NULL, `password_hash` varchar(255) NOT NULL, `must_change_password` tinyint NOT NULL DEFAULT 0, `disabled` tinyint NOT NULL DEFAULT 0, `last_login_at` datetime(3) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_fe0bb3f6520ee0469504521e71` (`username`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `sessions` (`token_hash` varchar(64) NOT NULL, `user_id` int NOT NULL, `csrf_token` varchar(64) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `last_seen_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, `revoked_at` datetime(3) NULL, `ip` varchar(64) NULL, INDEX `IDX_085d540d9f418cfbdc7bd55bb1` (`user_id`), PRIMARY KEY (`token_hash`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `settings` (`key` varchar(64) NOT NULL, `value` text NOT NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `workers` (`id` varchar(64) NOT NULL, `host` varchar(128) NOT NULL, `pid` int NOT NULL, `started_at` datetime(3) NOT NULL, `last_seen_at` datetime(3) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `departments` ADD CONSTRAINT `FK_700b0b13f494cb37b6ca929e79b` FOREIGN KEY (`parent_id`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `user_roles` ADD CONSTRAINT `FK_87b8888186ca9769c960e926870` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `user_roles` ADD CONSTRAINT `FK_9e274d8f947fa1546f769f9ea47` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `users` ADD CONSTRAINT `FK_0921d1972cf861d568f5271cd85` FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `sessions` ADD CONSTRAINT `FK_085d540d9f418cfbdc7bd55bb19` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `sessions` DROP FOREIGN KEY `FK_085d540d9f418cfbdc7bd55bb19`");
    await queryRunner.query("ALTER TABLE `users` DROP FOREIGN KEY `FK_0921d1972cf861d568f5271cd85`");
    await queryRunner.query("ALTER TABLE `user_roles` DROP FOREIGN KEY `FK_9e274d8f947fa1546f769f9ea47`");
    await queryRunner.query("ALTER TABLE `user_roles` DROP FOREIGN KEY `FK_87b8888186ca9769c960e926870`");
    await queryRunner.query("ALTER TABLE `departments` DROP FOREIGN KEY `FK_700b0b13f494cb37b6ca929e79b`");
    await queryRunner.query("DROP TABLE `workers`");
    await queryRunner.query("DROP TABLE `settings`");
    await queryRunner.query("DROP INDEX `IDX_085d540d9f418cfbdc7bd55bb1` ON `sessions`");
    await queryRunner.query("DROP TABLE `sessions`");
    await queryRunner.query("DROP INDEX `IDX_fe0bb3f6520ee0469504521e71` ON `users`");
    await queryRunner.query("DROP TABLE `users`");
    await queryRunner.query("DROP INDEX `uq_user_roles_grant` ON `user_roles`");
    await queryRunner.query("DROP TABLE `user_roles`");
    await queryRunner.query("DROP TABLE `login_throttles`");
    await queryRunner.query("DROP INDEX `IDX_ce288f50d13f64c22330d2afa7` ON `jobs`");
    await queryRunner.query("DROP INDEX `idx_jobs_due` ON `jobs`");
    await queryRunner.query("DROP TABLE `jobs`");
    await queryRunner.query("DROP INDEX `IDX_e15073bb06048b766cd7a83b81` ON `departments`");
    await queryRunner.query("DROP TABLE `departments`");
    await queryRunner.query("DROP INDEX `idx_audit_log_at` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_log_username_at` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_log_action_at` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
