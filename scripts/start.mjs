// npm start: install, build, and run the whole product on the embedded database with demo data.
import { join } from 'node:path';
import { buildAll, install, root, spawnService } from './lib.mjs';

install();
buildAll();

const server = spawnService(process.execPath, [join(root, 'apps/server/dist/main.js')], {
  env: {
    SUNLIGHT_DATA_DIR: process.env.SUNLIGHT_DATA_DIR ?? join(root, 'data'),
    SUNLIGHT_ROLE: process.env.SUNLIGHT_ROLE ?? 'all',
  },
});
server.on('exit', (code) => process.exit(code ?? 0));
