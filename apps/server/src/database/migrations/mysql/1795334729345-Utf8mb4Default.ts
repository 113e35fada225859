import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Chinese text everywhere: utf8mb4 is the default of every table created after this. */
export class Utf8mb4Default1795334729345 implements MigrationInterface {
  name = 'Utf8mb4Default1795334729345';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  }

  public async down(): Promise<void> {
    // The previous default is unknown and harmless to keep.
  }
}
