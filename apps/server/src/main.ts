import { ConfigError, loadConfig } from './config/app-config';
import { startApp } from './app-factory';
import { REBUILD_FIGURES_COMMAND, rebuildFigures } from './modules/figures/rebuild-figures.command';
import { printWelcome } from './welcome';

async function main(): Promise<void> {
  const config = loadConfig();
  if (process.argv[2] === REBUILD_FIGURES_COMMAND) return rebuildFigures(config, process.argv.slice(3));
  const { issued } = await startApp(config);
  printWelcome(config, issued);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
