import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The audit log is append-only for everyone who reaches the database, not only through the product. */
export class AuditLogAppendOnly1795334729347 implements MigrationInterface {
  name = 'AuditLogAppendOnly1795334729347';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'",
    );
    await queryRunner.query(
      "CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER `audit_log_no_delete`');
    await queryRunner.query('DROP TRIGGER `audit_log_no_update`');
  }
}
