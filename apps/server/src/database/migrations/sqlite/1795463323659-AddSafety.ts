import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddSafety1795463323659 implements MigrationInterface {
  name = 'AddSafety1795463323659';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"safety_dictionary_entries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"kind\" varchar(16) NOT NULL, \"text\" varchar(255) NOT NULL, \"term_key\" varchar(64) NOT NULL, \"level\" varchar(8), \"category\" varchar(32) NOT NULL, \"suggestion\" varchar(64), \"created_by\" varchar(64), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"uq_safety_entries_kind_key\" UNIQUE (\"kind\", \"term_key\"))");
    await queryRunner.query("CREATE TABLE \"safety_dictionary_state\" (\"id\" integer PRIMARY KEY NOT NULL, \"version\" integer NOT NULL DEFAULT (0), \"unlisted_link_level\" varchar(8) NOT NULL DEFAULT ('block'), \"seeded\" boolean NOT NULL DEFAULT (0), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    // The one version row every process polls (SafetyDictionaryCache); it exists from the start.
    await queryRunner.query("INSERT INTO \"safety_dictionary_state\" (\"id\", \"version\") VALUES (1, 0)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"safety_dictionary_state\"");
    await queryRunner.query("DROP TABLE \"safety_dictionary_entries\"");
  }
}
