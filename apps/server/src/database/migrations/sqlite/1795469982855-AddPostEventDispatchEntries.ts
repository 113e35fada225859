import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddPostEventDispatchEntries1795469982855 implements MigrationInterface {
  name = 'AddPostEventDispatchEntries1795469982855';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_post_events_post\"");
    await queryRunner.query("CREATE TABLE \"temporary_post_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"post_id\" integer NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" integer, \"actor_name\" varchar(64), \"action\" varchar(32) NOT NULL, \"from_status\" varchar(24), \"to_status\" varchar(24) NOT NULL, \"detail\" varchar(500) NOT NULL DEFAULT (''), \"account_id\" integer, \"link\" varchar(512), CONSTRAINT \"FK_e5ea1568e6526f6cc5dbd8d4e0e\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_post_events\"(\"id\", \"post_id\", \"at\", \"actor_id\", \"actor_name\", \"action\", \"from_status\", \"to_status\", \"detail\") SELECT \"id\", \"post_id\", \"at\", \"actor_id\", \"actor_name\", \"action\", \"from_status\", \"to_status\", \"detail\" FROM \"post_events\"");
    await queryRunner.query("DROP TABLE \"post_events\"");
    await queryRunner.query("ALTER TABLE \"temporary_post_events\" RENAME TO \"post_events\"");
    await queryRunner.query("CREATE INDEX \"idx_post_events_post\" ON \"post_events\" (\"post_id\", \"at\") ");
    await queryRunner.query("DROP INDEX \"idx_post_events_post\"");
    await queryRunner.query("CREATE TABLE \"temporary_post_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"post_id\" integer NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" integer, \"actor_name\" varchar(64), \"action\" varchar(32) NOT NULL, \"from_status\" varchar(24), \"to_status\" varchar(24) NOT NULL, \"detail\" varchar(500) NOT NULL DEFAULT (''), \"account_id\" integer, \"link\" varchar(512), CONSTRAINT \"FK_e5ea1568e6526f6cc5dbd8d4e0e\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_795534afb00122054419501e381\" FOREIGN KEY (\"account_id\") REFERENCES \"accounts\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_post_events\"(\"id\", \"post_id\", \"at\", \"actor_id\", \"actor_name\", \"action\", \"from_status\", \"to_status\", \"detail\", \"account_id\", \"link\") SELECT \"id\", \"post_id\", \"at\", \"actor_id\", \"actor_name\", \"action\", \"from_status\", \"to_status\", \"detail\", \"account_id\", \"link\" FROM \"post_events\"");
    await queryRunner.query("DROP TABLE \"post_events\"");
    await queryRunner.query("ALTER TABLE \"temporary_post_events\" RENAME TO \"post_events\"");
    await queryRunner.query("CREATE INDEX \"idx_post_events_post\" ON \"post_events\" (\"post_id\", \"at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_post_events_post\"");
    await queryRunner.query("ALTER TABLE \"post_events\" RENAME TO \"temporary_post_events\"");
    await queryRunner.query("CREATE TABLE \"post_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"post_id\" integer NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" integer, \"actor_name\" varchar(64), \"action\" varchar(32) NOT NULL, \"from_status\" varchar(24), \"to_status\" varchar(24) NOT NULL, \"detail\" varchar(500) NOT NULL DEFAULT (''), \"account_id\" integer, \"link\" varchar(512), CONSTRAINT \"FK_e5ea1568e6526f6cc5dbd8d4e0e\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"post_events\"(\"id\", \"post_id\", \"at\", \"actor_id\", \"actor_name\", \"action\", \"from_status\", \"to_status\", \"detail\", \"account_id\", \"link\") SELECT \"id\", \"post_id\", \"at\", \"actor_id\", \"actor_name\", \"action\", \"from_status\", \"to_status\", \"detail\", \"account_id\", \"link\" FROM \"temporary_post_events\"");
    await queryRunner.query("DROP TABLE \"temporary_post_events\"");
    await queryRunner.query("CREATE INDEX \"idx_post_events_post\" ON \"post_events\" (\"post_id\", \"at\") ");
    await queryRunner.query("DROP INDEX \"idx_post_events_post\"");
    await queryRunner.query("ALTER TABLE \"post_events\" RENAME TO \"temporary_post_events\"");
    await queryRunner.query("CREATE TABLE \"post_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"post_id\" integer NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" integer, \"actor_name\" varchar(64), \"action\" varchar(32) NOT NULL, \"from_status\" varchar(24), \"to_status\" varchar(24) NOT NULL, \"detail\" varchar(500) NOT NULL DEFAULT (''), CONSTRAINT \"FK_e5ea1568e6526f6cc5dbd8d4e0e\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"post_events\"(\"id\", \"post_id\", \"at\", \"actor_id\", \"actor_name\", \"action\", \"from_status\", \"to_status\", \"detail\") SELECT \"id\", \"post_id\", \"at\", \"actor_id\", \"actor_name\", \"action\", \"from_status\", \"to_status\", \"detail\" FROM \"temporary_post_events\"");
    await queryRunner.query("DROP TABLE \"temporary_post_events\"");
    await queryRunner.query("CREATE INDEX \"idx_post_events_post\" ON \"post_events\" (\"post_id\", \"at\") ");
  }
}
