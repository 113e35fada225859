import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddPublicationSentAt1795482071537 implements MigrationInterface {
  name = 'AddPublicationSentAt1795482071537';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `publications` ADD `sent_at` datetime(3) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `publications` DROP COLUMN `sent_at`");
  }
}
