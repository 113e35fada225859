// `node apps/server/dist/main.js rebuild-figures FROM TO`: recomputes the rollups of a range of days from
// raw rows, for an operator (after restoring a backup, or rows written around the write paths).
import { isoDateSchema } from '@sunlight/contracts';
import { type AppConfig, ConfigError } from '../../config/app-config';
import { createDataSource } from '../../database/data-source';
import { waitForMigrations } from '../bootstrap/migrator';
import { FigureRollupRepository } from './figure-rollup.repository';
import { FigureRollupService } from './figure-rollup.service';

export const REBUILD_FIGURES_COMMAND = 'rebuild-figures';

export async function rebuildFigures(config: AppConfig, args: readonly string[]): Promise<void> {
  const [from, to] = args;
  if (!isoDateSchema.safeParse(from).success || !isoDateSchema.safeParse(to).success || from! > to!)
    throw new ConfigError(
      `用法 / usage: node apps/server/dist/main.js ${REBUILD_FIGURES_COMMAND} 2025-01-01 2025-12-31\n` +
        '  给出开始和结束日期（含），开始不晚于结束 / give the first and last day, first not after last',
    );
  const ds = await createDataSource(config.database);
  try {
    await waitForMigrations(ds, 10_000);
    const started = Date.now();
    const { months } = await new FigureRollupService(new FigureRollupRepository(ds)).rebuild(
      from!,
      to!,
      (f, t) => console.log(`  ${f} … ${t}`),
    );
    console.log(
      `已从原始数据重算 ${from} 至 ${to} 的统计汇总（${months} 个月，${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    );
  } finally {
    await ds.destroy();
  }
}
