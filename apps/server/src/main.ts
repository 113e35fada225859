import { ConfigError, loadConfig } from './config/app-config';
import { startApp } from './app-factory';
import { printWelcome } from './welcome';

async function main(): Promise<void> {
  const config = loadConfig();
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
