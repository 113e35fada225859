import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Initial1795334729346 implements MigrationInterface {
  name = 'Initial1795334729346';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime(3) NOT NULL, \"user_id\" integer, \"username\" varchar(64), \"ip\" varchar(64), \"action\" varchar(48) NOT NULL, \"target_type\" varchar(32), \"target_id\" varchar(64), \"result\" varchar(16) NOT NULL, \"detail\" text)");
    await queryRunner.query("CREATE INDEX \"idx_audit_log_action_at\" ON \"audit_log\" (\"action\", \"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_log_username_at\" ON \"audit_log\" (\"username\", \"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_log_at\" ON \"audit_log\" (\"at\") ");
    await queryRunner.query("CREATE TABLE \"departments\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(64) NOT NULL, \"parent_id\" integer, \"path\" varchar(255) NOT NULL, \"depth\" integer NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_e15073bb06048b766cd7a83b81\" ON \"departments\" (\"path\") ");
    await queryRunner.query("CREATE TABLE \"jobs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(64) NOT NULL, \"dedupe_key\" varchar(191), \"payload\" text NOT NULL, \"run_at\" datetime(3) NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('queued'), \"lease_owner\" varchar(64), \"lease_expires_at\" datetime(3), \"attempts\" integer NOT NULL DEFAULT (0), \"max_attempts\" integer NOT NULL DEFAULT (5), \"last_error\" text, \"finished_at\" datetime(3), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_ce288f50d13f64c22330d2afa7d\" UNIQUE (\"dedupe_key\"))");
    await queryRunner.query("CREATE INDEX \"idx_jobs_due\" ON \"jobs\" (\"status\", \"run_at\") ");
    await queryRunner.query("CREATE TABLE \"login_throttles\" (\"username\" varchar(64) PRIMARY KEY NOT NULL, \"failures\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime(3), \"last_failure_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"user_roles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"role\" varchar(16) NOT NULL, \"department_id\" integer NOT NULL, CONSTRAINT \"uq_user_roles_grant\" UNIQUE (\"user_id\", \"role\", \"department_id\"))");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(32) NOT NULL, \"display_name\" varchar(32) NOT NULL, \"department_id\" integer NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"must_change_password\" boolean NOT NULL DEFAULT (0), \"disabled\" boolean NOT NULL DEFAULT (0), \"last_login_at\" datetime(3), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"))");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"token_hash\" varchar(64) PRIMARY KEY NOT NULL, \"user_id\" integer NOT NULL, \"csrf_token\" varchar(64) NOT NULL, \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"last_seen_at\" datetime(3) NOT NULL, \"expires_at\" datetime(3) NOT NULL, \"revoked_at\" datetime(3), \"ip\" varchar(64))");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"settings\" (\"key\" varchar(64) PRIMARY KEY NOT NULL, \"value\" text NOT NULL)");
    await queryRunner.query("CREATE TABLE \"workers\" (\"id\" varchar(64) PRIMARY KEY NOT NULL, \"host\" varchar(128) NOT NULL, \"pid\" integer NOT NULL, \"started_at\" datetime(3) NOT NULL, \"last_seen_at\" datetime(3) NOT NULL)");
    await queryRunner.query("DROP INDEX \"IDX_e15073bb06048b766cd7a83b81\"");
    await queryRunner.query("CREATE TABLE \"temporary_departments\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(64) NOT NULL, \"parent_id\" integer, \"path\" varchar(255) NOT NULL, \"depth\" integer NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_700b0b13f494cb37b6ca929e79b\" FOREIGN KEY (\"parent_id\") REFERENCES \"departments\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_departments\"(\"id\", \"name\", \"parent_id\", \"path\", \"depth\", \"disabled\", \"created_at\", \"updated_at\") SELECT \"id\", \"name\", \"parent_id\", \"path\", \"depth\", \"disabled\", \"created_at\", \"updated_at\" FROM \"departments\"");
    await queryRunner.query("DROP TABLE \"departments\"");
    await queryRunner.query("ALTER TABLE \"temporary_departments\" RENAME TO \"departments\"");
    await queryRunner.query("CREATE INDEX \"IDX_e15073bb06048b766cd7a83b81\" ON \"departments\" (\"path\") ");
    await queryRunner.query("CREATE TABLE \"temporary_user_roles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"role\" varchar(16) NOT NULL, \"department_id\" integer NOT NULL, CONSTRAINT \"uq_user_roles_grant\" UNIQUE (\"user_id\", \"role\", \"department_id\"), CONSTRAINT \"FK_87b8888186ca9769c960e926870\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_9e274d8f947fa1546f769f9ea47\" FOREIGN KEY (\"department_id\") REFERENCES \"departments\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_user_roles\"(\"id\", \"user_id\", \"role\", \"department_id\") SELECT \"id\", \"user_id\", \"role\", \"department_id\" FROM \"user_roles\"");
    await queryRunner.query("DROP TABLE \"user_roles\"");
    await queryRunner.query("ALTER TABLE \"temporary_user_roles\" RENAME TO \"user_roles\"");
    await queryRunner.query("CREATE TABLE \"temporary_users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(32) NOT NULL, \"display_name\" varchar(32) NOT NULL, \"department_id\" integer NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"must_change_password\" boolean NOT NULL DEFAULT (0), \"disabled\" boolean NOT NULL DEFAULT (0), \"last_login_at\" datetime(3), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"), CONSTRAINT \"FK_0921d1972cf861d568f5271cd85\" FOREIGN KEY (\"department_id\") REFERENCES \"departments\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_users\"(\"id\", \"username\", \"display_name\", \"department_id\", \"password_hash\", \"must_change_password\", \"disabled\", \"last_login_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"username\", \"display_name\", \"department_id\", \"password_hash\", \"must_change_password\", \"disabled\", \"last_login_at\", \"created_at\", \"updated_at\" FROM \"users\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await queryRunner.query("DROP INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("CREATE TABLE \"temporary_sessions\" (\"token_hash\" varchar(64) PRIMARY KEY NOT NULL, \"user_id\" integer NOT NULL, \"csrf_token\" varchar(64) NOT NULL, \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"last_seen_at\" datetime(3) NOT NULL, \"expires_at\" datetime(3) NOT NULL, \"revoked_at\" datetime(3), \"ip\" varchar(64), CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_sessions\"(\"token_hash\", \"user_id\", \"csrf_token\", \"created_at\", \"last_seen_at\", \"expires_at\", \"revoked_at\", \"ip\") SELECT \"token_hash\", \"user_id\", \"csrf_token\", \"created_at\", \"last_seen_at\", \"expires_at\", \"revoked_at\", \"ip\" FROM \"sessions\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("ALTER TABLE \"temporary_sessions\" RENAME TO \"sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("ALTER TABLE \"sessions\" RENAME TO \"temporary_sessions\"");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"token_hash\" varchar(64) PRIMARY KEY NOT NULL, \"user_id\" integer NOT NULL, \"csrf_token\" varchar(64) NOT NULL, \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"last_seen_at\" datetime(3) NOT NULL, \"expires_at\" datetime(3) NOT NULL, \"revoked_at\" datetime(3), \"ip\" varchar(64))");
    await queryRunner.query("INSERT INTO \"sessions\"(\"token_hash\", \"user_id\", \"csrf_token\", \"created_at\", \"last_seen_at\", \"expires_at\", \"revoked_at\", \"ip\") SELECT \"token_hash\", \"user_id\", \"csrf_token\", \"created_at\", \"last_seen_at\", \"expires_at\", \"revoked_at\", \"ip\" FROM \"temporary_sessions\"");
    await queryRunner.query("DROP TABLE \"temporary_sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ");
    await queryRunner.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(32) NOT NULL, \"display_name\" varchar(32) NOT NULL, \"department_id\" integer NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"must_change_password\" boolean NOT NULL DEFAULT (0), \"disabled\" boolean NOT NULL DEFAULT (0), \"last_login_at\" datetime(3), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"))");
    await queryRunner.query("INSERT INTO \"users\"(\"id\", \"username\", \"display_name\", \"department_id\", \"password_hash\", \"must_change_password\", \"disabled\", \"last_login_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"username\", \"display_name\", \"department_id\", \"password_hash\", \"must_change_password\", \"disabled\", \"last_login_at\", \"created_at\", \"updated_at\" FROM \"temporary_users\"");
    await queryRunner.query("DROP TABLE \"temporary_users\"");
    await queryRunner.query("ALTER TABLE \"user_roles\" RENAME TO \"temporary_user_roles\"");
    await queryRunner.query("CREATE TABLE \"user_roles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"role\" varchar(16) NOT NULL, \"department_id\" integer NOT NULL, CONSTRAINT \"uq_user_roles_grant\" UNIQUE (\"user_id\", \"role\", \"department_id\"))");
    await queryRunner.query("INSERT INTO \"user_roles\"(\"id\", \"user_id\", \"role\", \"department_id\") SELECT \"id\", \"user_id\", \"role\", \"department_id\" FROM \"temporary_user_roles\"");
    await queryRunner.query("DROP TABLE \"temporary_user_roles\"");
    await queryRunner.query("DROP INDEX \"IDX_e15073bb06048b766cd7a83b81\"");
    await queryRunner.query("ALTER TABLE \"departments\" RENAME TO \"temporary_departments\"");
    await queryRunner.query("CREATE TABLE \"departments\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(64) NOT NULL, \"parent_id\" integer, \"path\" varchar(255) NOT NULL, \"depth\" integer NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"departments\"(\"id\", \"name\", \"parent_id\", \"path\", \"depth\", \"disabled\", \"created_at\", \"updated_at\") SELECT \"id\", \"name\", \"parent_id\", \"path\", \"depth\", \"disabled\", \"created_at\", \"updated_at\" FROM \"temporary_departments\"");
    await queryRunner.query("DROP TABLE \"temporary_departments\"");
    await queryRunner.query("CREATE INDEX \"IDX_e15073bb06048b766cd7a83b81\" ON \"departments\" (\"path\") ");
    await queryRunner.query("DROP TABLE \"workers\"");
    await queryRunner.query("DROP TABLE \"settings\"");
    await queryRunner.query("DROP INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP TABLE \"user_roles\"");
    await queryRunner.query("DROP TABLE \"login_throttles\"");
    await queryRunner.query("DROP INDEX \"idx_jobs_due\"");
    await queryRunner.query("DROP TABLE \"jobs\"");
    await queryRunner.query("DROP INDEX \"IDX_e15073bb06048b766cd7a83b81\"");
    await queryRunner.query("DROP TABLE \"departments\"");
    await queryRunner.query("DROP INDEX \"idx_audit_log_at\"");
    await queryRunner.query("DROP INDEX \"idx_audit_log_username_at\"");
    await queryRunner.query("DROP INDEX \"idx_audit_log_action_at\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
