import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AddFigureRollups1795469790186 implements MigrationInterface {
  name = 'AddFigureRollups1795469790186';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `figure_rollup_daily` (`published` int NOT NULL DEFAULT '0', `original` int NOT NULL DEFAULT '0', `forwarded` int NOT NULL DEFAULT '0', `unclassified` int NOT NULL DEFAULT '0', `reposts` int NOT NULL DEFAULT '0', `reads` int NOT NULL DEFAULT '0', `likes` int NOT NULL DEFAULT '0', `comments` int NOT NULL DEFAULT '0', `page_views` int NOT NULL DEFAULT '0', `day` varchar(10) NOT NULL, `account_id` int NOT NULL, `column_id` int NOT NULL, INDEX `idx_figure_rollup_daily_column_day` (`column_id`, `day`), INDEX `idx_figure_rollup_daily_account_day` (`account_id`, `day`), PRIMARY KEY (`day`, `account_id`, `column_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `figure_rollup_marks` (`id` int NOT NULL AUTO_INCREMENT, `account_id` int NOT NULL, `day` varchar(10) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `figure_rollup_monthly` (`published` int NOT NULL DEFAULT '0', `original` int NOT NULL DEFAULT '0', `forwarded` int NOT NULL DEFAULT '0', `unclassified` int NOT NULL DEFAULT '0', `reposts` int NOT NULL DEFAULT '0', `reads` int NOT NULL DEFAULT '0', `likes` int NOT NULL DEFAULT '0', `comments` int NOT NULL DEFAULT '0', `page_views` int NOT NULL DEFAULT '0', `month` varchar(7) NOT NULL, `account_id` int NOT NULL, `column_id` int NOT NULL, PRIMARY KEY (`month`, `account_id`, `column_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `figure_rollup_state` (`id` int NOT NULL, `version` int NOT NULL DEFAULT '0', PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("INSERT INTO `figure_rollup_state` (`id`, `version`) VALUES (1, 0)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `figure_rollup_state`");
    await queryRunner.query("DROP TABLE `figure_rollup_monthly`");
    await queryRunner.query("DROP TABLE `figure_rollup_marks`");
    await queryRunner.query("DROP INDEX `idx_figure_rollup_daily_account_day` ON `figure_rollup_daily`");
    await queryRunner.query("DROP INDEX `idx_figure_rollup_daily_column_day` ON `figure_rollup_daily`");
    await queryRunner.query("DROP TABLE `figure_rollup_daily`");
  }
}
