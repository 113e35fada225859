import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddSafety1795463323659 implements MigrationInterface {
  name = 'AddSafety1795463323659';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `safety_dictionary_entries` (`id` int NOT NULL AUTO_INCREMENT, `kind` varchar(16) NOT NULL, `text` varchar(255) NOT NULL, `term_key` varchar(64) NOT NULL, `level` varchar(8) NULL, `category` varchar(32) NOT NULL, `suggestion` varchar(64) NULL, `created_by` varchar(64) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_safety_entries_kind_key` (`kind`, `term_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `safety_dictionary_state` (`id` int NOT NULL, `version` int NOT NULL DEFAULT '0', `unlisted_link_level` varchar(8) NOT NULL DEFAULT 'block', `seeded` tinyint NOT NULL DEFAULT 0, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    // The one version row every process polls (SafetyDictionaryCache); it exists from the start.
    await queryRunner.query("INSERT INTO `safety_dictionary_state` (`id`, `version`) VALUES (1, 0)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `safety_dictionary_state`");
    await queryRunner.query("DROP INDEX `uq_safety_entries_kind_key` ON `safety_dictionary_entries`");
    await queryRunner.query("DROP TABLE `safety_dictionary_entries`");
  }
}
