// Starts the built app the way `npm start` runs it — the demo sandbox beside the server — on a fresh data
// directory, for the e2e tests.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startDemoSandbox } from '../../scripts/lib.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'sunlight-e2e-'));
const manifest = await startDemoSandbox({ dataDir, port: process.env.SANDBOX_PORT ?? '4197', publicRate: 0 });
const child = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    SUNLIGHT_DATA_DIR: dataDir,
    SUNLIGHT_ROLE: 'all',
    SUNLIGHT_LOG_LEVEL: 'warn',
    SUNLIGHT_DEMO_ACCOUNTS: manifest,
  },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
