import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddPostEventDispatchEntries1795469982855 implements MigrationInterface {
  name = 'AddPostEventDispatchEntries1795469982855';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `post_events` ADD `account_id` int NULL");
    await queryRunner.query("ALTER TABLE `post_events` ADD `link` varchar(512) NULL");
    await queryRunner.query("ALTER TABLE `post_events` ADD CONSTRAINT `FK_795534afb00122054419501e381` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `post_events` DROP FOREIGN KEY `FK_795534afb00122054419501e381`");
    await queryRunner.query("ALTER TABLE `post_events` DROP COLUMN `link`");
    await queryRunner.query("ALTER TABLE `post_events` DROP COLUMN `account_id`");
  }
}
