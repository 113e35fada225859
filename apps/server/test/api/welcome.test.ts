import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The built server, as `npm start` runs it (npm test builds before it tests): pino writes to the terminal
 * itself, beside the process's stdout, so only a real process shows in which order the lines arrive.
 */
const serverMain = join(__dirname, '../../dist/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

// The first start prints the one-time passwords. The start's own logs (modules, routes) were written
// behind it, asynchronously, and pushed it out of sight under a hundred lines of JSON.
describe('the first start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunlight-welcome-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('shows the welcome with the passwords after the logs of the start, not under them', async () => {
    expect(existsSync(serverMain), `${serverMain} is missing: build the server first`).toBe(true);
    const webDist = join(dataDir, 'web');
    mkdirSync(webDist);
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>阳光政务新媒体运营台</title>');
    const child = spawn(process.execPath, [serverMain], {
      env: {
        ...process.env,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        SUNLIGHT_ROLE: 'api',
        SUNLIGHT_DATA_DIR: dataDir,
        SUNLIGHT_WEB_DIST: webDist,
        SUNLIGHT_SECRET_KEY: 'c'.repeat(64),
        SUNLIGHT_DEMO: '0',
        SUNLIGHT_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (out.includes('successfully started') && out.includes('首次启动')) {
            clearInterval(timer);
            // Whatever the start still had to write has had time to arrive.
            setTimeout(resolve, 500);
          }
        }, 100);
        child.once('exit', (code) => {
          clearInterval(timer);
          reject(new Error(`the server exited with ${code}:\n${out}`));
        });
      });
    } finally {
      child.kill('SIGTERM');
    }
    const lines = out.split('\n').filter((l) => l.trim());
    const welcome = lines.findIndex((l) => l.includes('阳光政务新媒体运营台 Sunlight'));
    expect(welcome).toBeGreaterThan(0);
    expect(lines.slice(0, welcome).some((l) => l.includes('successfully started'))).toBe(true);
    expect(lines.slice(welcome).filter((l) => l.startsWith('{'))).toEqual([]);
    expect(lines.at(-1)).toMatch(/^\s+admin\s+\S+/);
  }, 60_000);
});
