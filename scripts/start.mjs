// npm start: install, build, and run the whole product on the embedded database with demo data. In demo mode
// the channel sandbox runs beside the server as the demo organisation's Weibo, WeChat and portal, and the
// server connects the demo accounts to it through the manifest the sandbox writes.
import { join, resolve } from 'node:path';
import { buildAll, install, root, spawnService, startDemoSandbox } from './lib.mjs';

install();
buildAll();

const dataDir = resolve(process.env.SUNLIGHT_DATA_DIR ?? join(root, 'data'));
const withSandbox = process.env.SUNLIGHT_SANDBOX !== '0';

const manifest = withSandbox
  ? await startDemoSandbox({
      dataDir,
      port: process.env.SANDBOX_PORT ?? '4100',
      publicRate: process.env.SANDBOX_PUBLIC_RATE ?? '6',
    })
  : undefined;
const server = spawnService(process.execPath, [join(root, 'apps/server/dist/main.js')], {
  env: {
    SUNLIGHT_DATA_DIR: dataDir,
    SUNLIGHT_ROLE: process.env.SUNLIGHT_ROLE ?? 'all',
    ...(manifest ? { SUNLIGHT_DEMO_ACCOUNTS: manifest } : {}),
  },
});
server.on('exit', (code) => process.exit(code ?? 0));
