// Shared steps of `npm start`, `npm test` and `npm run bench`: a pinned pnpm, installing, building.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const toolsDir = join(root, '.tools');
const pnpmBin = join(toolsDir, 'node_modules', '.bin', 'pnpm');

export function log(message) {
  console.log(`\n\x1b[1m▶ ${message}\x1b[0m`);
}

export function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

export function mustRun(cmd, args, options = {}) {
  const status = run(cmd, args, options);
  if (status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

/** corepack's signature check fails against this registry, so pnpm is installed, pinned, into .tools/. */
export function ensurePnpm() {
  const installed =
    existsSync(pnpmBin) &&
    spawnSync(pnpmBin, ['--version'], { encoding: 'utf8' }).stdout?.trim() === PNPM_VERSION;
  if (!installed) {
    log(`installing pnpm ${PNPM_VERSION}`);
    mkdirSync(toolsDir, { recursive: true });
    writeFileSync(join(toolsDir, 'package.json'), '{ "private": true }\n');
    mustRun('npm', [
      'install',
      '--prefix',
      toolsDir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `pnpm@${PNPM_VERSION}`,
    ]);
  }
  return pnpmBin;
}

export function pnpm(args, options) {
  mustRun(ensurePnpm(), args, options);
}

export function install() {
  log('installing dependencies (pnpm install)');
  pnpm(['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only']);
}

function fingerprint(paths) {
  const hash = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort())
        if (!['node_modules', 'dist', '.turbo'].includes(name)) walk(join(p, name));
    } else hash.update(`${relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  paths.forEach((p) => walk(join(root, p)));
  return hash.digest('hex');
}

/** Builds a package unless its sources (and what it depends on) are unchanged since the last build. */
export function buildPackage(filter, inputs, output) {
  const stampDir = join(root, '.build-stamps');
  const stamp = join(stampDir, filter.replace(/[^a-z0-9]/gi, '_'));
  const print = fingerprint([...inputs, 'pnpm-lock.yaml']);
  if (existsSync(join(root, output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === print) return;
  log(`building ${filter}`);
  pnpm(['--filter', filter, 'build']);
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stamp, print);
}

export function buildAll() {
  buildPackage('@sunlight/contracts', ['libs/contracts'], 'libs/contracts/dist/index.js');
  buildPackage(
    '@sunlight/sandbox',
    ['apps/sandbox/src', 'apps/sandbox/tsconfig.json', 'apps/sandbox/tsconfig.build.json'],
    'apps/sandbox/dist/server.js',
  );
  buildPackage(
    '@sunlight/server',
    ['apps/server/src', 'apps/server/tsconfig.json', 'apps/server/tsconfig.build.json', 'libs/contracts/src'],
    'apps/server/dist/main.js',
  );
  buildPackage(
    '@sunlight/web',
    ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/contracts/src'],
    'apps/web/dist/index.html',
  );
}

/** Spawns a long-running child that dies with us. */
export function spawnService(cmd, args, options = {}) {
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  // Never leave a service behind holding its port when we end for any other reason.
  process.on('exit', () => child.kill());
  return child;
}

/**
 * The channel sandbox as the demo organisation's Weibo, WeChat and portal (config/demo-sandbox.json), under
 * <dataDir>/sandbox. Resolves, once it answers, with the manifest the server connects the demo accounts from.
 */
export async function startDemoSandbox({ dataDir, port, publicRate }) {
  const manifest = join(dataDir, 'sandbox', 'demo-manifest.json');
  const sandbox = spawnService(process.execPath, [
    join(root, 'apps/sandbox/dist/main.js'),
    '--port',
    String(port),
    '--data',
    join(dataDir, 'sandbox'),
    '--demo-config',
    join(root, 'config/demo-sandbox.json'),
    '--public-rate',
    String(publicRate),
  ]);
  sandbox.on('exit', (code) => {
    console.error(`渠道沙箱已退出 (sandbox exited, code ${code})`);
    process.exit(code ?? 1);
  });
  const ready = () =>
    fetch(`http://127.0.0.1:${port}/__control/demo`).then(
      (r) => r.ok && existsSync(manifest),
      () => false,
    );
  for (let i = 0; i < 240 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 250));
  if (!(await ready())) {
    console.error(`渠道沙箱未在 60 秒内就绪 (sandbox not ready on port ${port}; set SANDBOX_PORT)`);
    process.exit(1);
  }
  return manifest;
}
