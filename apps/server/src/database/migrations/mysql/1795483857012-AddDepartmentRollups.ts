import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { backfillDepartmentRollups } from '../department-rollups-backfill';

export class AddDepartmentRollups1795483857012 implements MigrationInterface {
  name = 'AddDepartmentRollups1795483857012';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `figure_rollup_department_daily` (`published` int NOT NULL DEFAULT '0', `original` int NOT NULL DEFAULT '0', `forwarded` int NOT NULL DEFAULT '0', `unclassified` int NOT NULL DEFAULT '0', `reposts` int NOT NULL DEFAULT '0', `reads` int NOT NULL DEFAULT '0', `likes` int NOT NULL DEFAULT '0', `comments` int NOT NULL DEFAULT '0', `page_views` int NOT NULL DEFAULT '0', `day` varchar(10) NOT NULL, `department_id` int NOT NULL, `channel` varchar(16) NOT NULL, INDEX `idx_figure_rollup_department_daily_department` (`department_id`, `day`), PRIMARY KEY (`day`, `department_id`, `channel`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `figure_rollup_department_monthly` (`published` int NOT NULL DEFAULT '0', `original` int NOT NULL DEFAULT '0', `forwarded` int NOT NULL DEFAULT '0', `unclassified` int NOT NULL DEFAULT '0', `reposts` int NOT NULL DEFAULT '0', `reads` int NOT NULL DEFAULT '0', `likes` int NOT NULL DEFAULT '0', `comments` int NOT NULL DEFAULT '0', `page_views` int NOT NULL DEFAULT '0', `month` varchar(7) NOT NULL, `department_id` int NOT NULL, `channel` varchar(16) NOT NULL, INDEX `idx_figure_rollup_department_monthly_department` (`department_id`, `month`), PRIMARY KEY (`month`, `department_id`, `channel`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `figure_rollup_department_yearly` (`published` int NOT NULL DEFAULT '0', `original` int NOT NULL DEFAULT '0', `forwarded` int NOT NULL DEFAULT '0', `unclassified` int NOT NULL DEFAULT '0', `reposts` int NOT NULL DEFAULT '0', `reads` int NOT NULL DEFAULT '0', `likes` int NOT NULL DEFAULT '0', `comments` int NOT NULL DEFAULT '0', `page_views` int NOT NULL DEFAULT '0', `year` varchar(4) NOT NULL, `department_id` int NOT NULL, `channel` varchar(16) NOT NULL, INDEX `idx_figure_rollup_department_yearly_department` (`department_id`, `year`), PRIMARY KEY (`year`, `department_id`, `channel`)) ENGINE=InnoDB");
    await backfillDepartmentRollups(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_figure_rollup_department_yearly_department` ON `figure_rollup_department_yearly`");
    await queryRunner.query("DROP TABLE `figure_rollup_department_yearly`");
    await queryRunner.query("DROP INDEX `idx_figure_rollup_department_monthly_department` ON `figure_rollup_department_monthly`");
    await queryRunner.query("DROP TABLE `figure_rollup_department_monthly`");
    await queryRunner.query("DROP INDEX `idx_figure_rollup_department_daily_department` ON `figure_rollup_department_daily`");
    await queryRunner.query("DROP TABLE `figure_rollup_department_daily`");
  }
}
