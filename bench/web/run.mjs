// bench web: what the 数据看板 costs a leader's browser on first visit — the gzipped JS the route loads and
// the time from navigation start to the KPI cards showing figures — beside the login page measured the same
// way in the same run. Targets (shared/DESIGN.md): ≤ 400 KB of gzipped JS, interactive in ≤ 1.5 s, on
// localhost in headless Chromium.
//
// Uses the built server, sandbox and web (apps/*/dist; `npm run bench -- web` builds them) on a fresh data
// directory with the demo organisation, as `npm start` runs it. The server sends JS uncompressed, so each JS
// response body is gzipped here with zlib (level 6, what a gzipping proxy in front of it typically does); if
// the server ever sends it compressed, the bytes on the wire are counted instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, startDemoSandbox } from '../../scripts/lib.mjs';

const PORT = Number(process.env.BENCH_WEB_PORT ?? 3597);
const SANDBOX_PORT = Number(process.env.BENCH_WEB_SANDBOX_PORT ?? PORT + 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How long to wait for the demo accounts' history to be collected (the figures then stop moving). */
const DATA_WAIT_MS = Number(process.env.BENCH_WEB_DATA_WAIT_MS ?? 240_000);
const TARGET_KB = 400;
const TARGET_MS = 1500;
const PASSWORD = 'Bench-Demo-Pass-26';
const base = `http://127.0.0.1:${PORT}`;

const { chromium } = createRequire(join(root, 'e2e/package.json'))('playwright-core');

const dataDir = mkdtempSync(join(tmpdir(), 'sunlight-bench-web-'));
const manifest = await startDemoSandbox({ dataDir, port: String(SANDBOX_PORT), publicRate: 0 });
const server = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SUNLIGHT_DATA_DIR: dataDir,
    SUNLIGHT_ROLE: 'all',
    SUNLIGHT_LOG_LEVEL: 'warn',
    SUNLIGHT_DEMO: '1',
    SUNLIGHT_DEMO_ACCOUNTS: manifest,
    SUNLIGHT_ADMIN_PASSWORD: 'Bench-Boot-Pass-26',
    SUNLIGHT_DEMO_PASSWORD: PASSWORD,
  },
});
const stop = () => {
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', stop);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check, ms, what) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await sleep(500);
  }
  console.warn(`(waited ${ms / 1000} s for ${what}; going on)`);
  return false;
}
await waitFor(() => fetch(`${base}/api/health`).then((r) => r.ok), 120_000, 'the server');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

/** Logs demo_leader in through the login form and keeps the session for the measured visits. */
async function leaderSession() {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill('demo_leader');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav').waitFor();
  const state = await context.storageState();
  // The first start collects the demo year in the same process that serves the page; measuring while it
  // does would time the import, not the page. Wait until the year's figures hold still (or give up).
  let last = '';
  await waitFor(
    async () => {
      const r = await page.request.get(
        `${base}/api/figures?from=2025-01-01&to=2026-12-31&figures=published,reads`,
      );
      const now = JSON.stringify((await r.json()).totals);
      const still = r.ok() && now === last && (await r.json()).totals.published > 0;
      last = now;
      if (!still) await sleep(4_000);
      return still;
    },
    DATA_WAIT_MS,
    'the demo history to be collected',
  );
  await context.close();
  return state;
}

/**
 * One cold visit in a new context (empty cache): every JS response counted, and the moment `ready` matched
 * an element, taken in the page by a MutationObserver so the test driver's round trips are not in it.
 */
async function visit(path, ready, storageState) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', storageState });
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    const w = window;
    const check = () => {
      if (w.__readyAt === undefined && document.querySelector(selector)) w.__readyAt = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  }, ready);
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  await page.goto(`${base}${path}`);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30_000 });
  // Chunks the page asks for after it is ready (the charts below the fold) still count as the route's JS.
  await page.waitForLoadState('networkidle');
  const readyMs = await page.evaluate(() => window.__readyAt);
  let raw = 0;
  let gzip = 0;
  const files = [];
  for (const response of scripts) {
    const body = await response.body();
    const encoded = response.headers()['content-encoding'];
    const size = encoded
      ? (await response.request().sizes()).responseBodySize
      : gzipSync(body, { level: 6 }).length;
    raw += body.length;
    gzip += size;
    files.push({ name: new URL(response.url()).pathname.split('/').pop(), size });
  }
  await context.close();
  return { readyMs, files, raw, gzip };
}

const leader = await leaderSession();
const login = [];
const dashboard = [];
for (let round = 0; round < ROUNDS; round++) {
  login.push(await visit('/login', '[data-testid="login-form"]'));
  dashboard.push(await visit('/dashboard', '[data-testid="kpi-cards"][data-loaded="true"]', leader));
}
await browser.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);
function report(name, runs) {
  const ms = runs.map((r) => r.readyMs);
  const last = runs.at(-1);
  console.log(
    `${name}: ${last.files.length} JS files, ${kb(last.raw)} KB raw, ${kb(last.gzip)} KB gzipped; ` +
      `ready in best ${Math.min(...ms).toFixed(0)} ms, median ${median(ms).toFixed(0)} ms (${runs.length} cold visits)`,
  );
  // BENCH_WEB_LIST=1: which files make up the figure, largest first, to see what to trim.
  if (process.env.BENCH_WEB_LIST) {
    for (const f of last.files.sort((a, b) => b.size - a.size))
      console.log(`  ${kb(f.size).padStart(7)} KB  ${f.name}`);
  }
  return { gzip: last.gzip, median: median(ms) };
}
console.log('');
const base0 = report('login page (baseline)', login);
const dash = report('dashboard (/dashboard, demo_leader, 本年)', dashboard);
console.log(
  `dashboard over the login page: +${kb(dash.gzip - base0.gzip)} KB gzipped JS, +${(dash.median - base0.median).toFixed(0)} ms`,
);
const jsMet = dash.gzip / 1024 <= TARGET_KB;
const msMet = dash.median <= TARGET_MS;
console.log(`target ≤ ${TARGET_KB} KB gzipped JS: ${jsMet ? 'met' : 'NOT met'} (${kb(dash.gzip)} KB)`);
console.log(
  `target ≤ ${TARGET_MS} ms to interactive: ${msMet ? 'met' : 'NOT met'} (median ${dash.median.toFixed(0)} ms)`,
);
stop();
process.exit(jsMet && msMet ? 0 : 1);
