import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddColumnResponsibleDepartment1795469375484 implements MigrationInterface {
  name = 'AddColumnResponsibleDepartment1795469375484';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `columns` ADD `responsible_department_id` int NULL");
    await queryRunner.query("ALTER TABLE `columns` ADD CONSTRAINT `FK_3c763a448c83ec35c0d69ec7b25` FOREIGN KEY (`responsible_department_id`) REFERENCES `departments`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `columns` DROP FOREIGN KEY `FK_3c763a448c83ec35c0d69ec7b25`");
    await queryRunner.query("ALTER TABLE `columns` DROP COLUMN `responsible_department_id`");
  }
}
