// bench dashboard: the figure API's latency for a year over the whole tree — GET /api/figures against the
// built server on MariaDB with 1 M publications and 10 M interactions over 2,000 accounts — against the
// same figures computed with a plain GROUP BY over the raw rows, measured in one run.
// Target (shared/DESIGN.md): p95 ≤ 50 ms at the API.
//
// Uses the built server (apps/server/dist; `npm run bench -- dashboard` builds it). Creates its own schema,
// lets the api process migrate it, fills it server-side (multi-row INSERT … SELECT from MariaDB's sequence
// engine: nothing to ship over the socket), runs `rebuild-figures` as an operator would, measures, and drops
// the schema. SUNLIGHT_BENCH_MYSQL_URL overrides the server, BENCH_PORT the HTTP port, BENCH_SERVER_MAIN
// the server entry; BENCH_KEEP=1 keeps the schema, and BENCH_SCHEMA=<name> measures again on a kept one
// without generating it (the data takes minutes, a measurement seconds).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const serverRequire = createRequire(join(root, 'apps/server/package.json'));
const mysql = serverRequire('mysql2/promise');
const contracts = serverRequire('@sunlight/contracts');
const serverMain = process.env.BENCH_SERVER_MAIN ?? join(root, 'apps/server/dist/main.js');

const SERVER = process.env.SUNLIGHT_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const PORT = Number(process.env.BENCH_PORT ?? 3871);
const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? 1_000_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 10_000_000);
const ACCOUNTS = 2000;
const CITIES = 21;
const COUNTIES_PER_CITY = 9;
/** Publications span 2025-01-01 … 2026-11-22 (Beijing), 691 days. */
const DAYS = 691;
const PASSWORD = 'Bench-Dashboard-2026!';
const BASE = `http://127.0.0.1:${PORT}`;

const env = (url) => ({
  ...process.env,
  DATABASE_URL: url,
  SUNLIGHT_SECRET_KEY: 'b'.repeat(64),
  SUNLIGHT_ADMIN_PASSWORD: PASSWORD,
  SUNLIGHT_DEMO: '0',
  SUNLIGHT_ROLE: 'api',
  SUNLIGHT_LOG_LEVEL: 'warn',
  SUNLIGHT_RATE_LIMIT_API: '1000000',
  PORT: String(PORT),
  HOST: '127.0.0.1',
});

async function timed(label, work) {
  const started = performance.now();
  const result = await work();
  const s = (performance.now() - started) / 1000;
  console.log(`  ${label}: ${s.toFixed(1)} s`);
  return { result, s };
}

/**
 * Runs `work` in one transaction with the checks a bulk load may skip. Rows are generated in the order of
 * the tables' secondary indexes (account first, time within an account), so every index grows at its end
 * and the load stays sequential even when the indexes outgrow MariaDB's default 128 MiB buffer pool: in
 * random order, 10 M interactions spent twenty minutes in random index-page reads.
 */
async function bulk(db, work) {
  await db.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  await db.query('START TRANSACTION');
  await work();
  await db.query('COMMIT');
}

/** The organisation: 本单位 (id 1, made by the first start), 21 cities, 9 counties each; 2,000 accounts. */
async function fill(db) {
  const depts = [];
  let id = 2;
  for (let c = 0; c < CITIES; c++) {
    const city = id++;
    depts.push([city, `地市${c + 1}公安局`, 1, `/1/${city}/`, 1]);
    for (let k = 0; k < COUNTIES_PER_CITY; k++, id++)
      depts.push([id, `区县${id}公安分局`, city, `/1/${city}/${id}/`, 2]);
  }
  const departmentCount = depts.length + 1;
  // Channels by id mod 20: 9 Weibo, 8 WeChat, 2 portal, 1 feed (45 / 40 / 10 / 5 %).
  const channel = `CASE WHEN MOD(seq, 20) < 9 THEN 'weibo' WHEN MOD(seq, 20) < 17 THEN 'wechat' WHEN MOD(seq, 20) < 19 THEN 'portal' ELSE 'feed' END`;
  await bulk(db, async () => {
    await db.query('INSERT INTO departments (id, name, parent_id, path, depth) VALUES ?', [depts]);
    await db.query(
      `INSERT INTO accounts (id, department_id, channel, name, base_url, settings, created_at)
       SELECT seq, 1 + MOD(seq * 37, ${departmentCount}), ${channel}, CONCAT('账号', seq), 'https://example.gov.cn', '{}', '2024-06-01'
         FROM seq_1_to_${ACCOUNTS}`,
    );
    // Four assessed columns per portal: ≥2 a month, 2–3 a month, ≥1 a week, ≥1 a quarter.
    await db.query(
      `INSERT INTO columns (account_id, code, name, quota_period, quota_min, quota_max)
       SELECT a.id, CONCAT('c', k.seq), CONCAT('栏目', k.seq), ELT(k.seq + 1, 'month', 'month', 'week', 'quarter'),
              ELT(k.seq + 1, 2, 2, 1, 1), IF(k.seq = 1, 3, NULL)
         FROM accounts a JOIN seq_0_to_3 k WHERE a.channel = 'portal' ORDER BY a.id, k.seq`,
    );
  });
  const kind = `CASE WHEN MOD(seq * 31, 10) < 6 THEN 'original' WHEN MOD(seq * 31, 10) < 9 THEN 'forward' ELSE 'unclassified' END`;
  // An equal block of publications per account, in account order. Feeds publish nothing of ours: their
  // block goes to the account before. One account in 50 fell silent in the summer of 2025 (超期未更新).
  const perAccount = Math.ceil(PUBLICATIONS / ACCOUNTS);
  const owner = `(1 + (seq - 1) DIV ${perAccount})`;
  const account = `(${owner} - IF(MOD(${owner}, 20) = 0, 1, 0))`;
  const { s: pubSeconds } = await timed(`${PUBLICATIONS.toLocaleString('en')} publications`, () =>
    bulk(db, async () => {
      for (let from = 1; from <= PUBLICATIONS; from += 250_000) {
        const to = Math.min(PUBLICATIONS, from + 249_999);
        await db.query(
          `INSERT INTO publications (account_id, column_id, external_id, kind, title, text, status, source, published_at)
           SELECT x.account_id, c.id, CONCAT('p', x.seq), x.kind, '', '示范市公安局发布工作动态，请广大市民知悉。',
                  IF(MOD(x.seq, 100) = 0, 'cancelled', 'published'), 'imported',
                  IF(MOD(x.seq, 100) = 0, NULL, TIMESTAMP('2024-12-31 16:00:00') + INTERVAL FLOOR(CRC32(x.seq) / 4294967296 * x.days * 86400) SECOND)
             FROM (SELECT seq, ${account} AS account_id, ${kind} AS kind,
                          IF(MOD(${account}, 50) = 1, 200, ${DAYS}) AS days
                     FROM seq_${from}_to_${to}) x
             LEFT JOIN columns c ON c.account_id = x.account_id AND c.code = CONCAT('c', MOD(x.seq, 5))
            ORDER BY x.seq`,
        );
      }
    }),
  );
  const { s: snapSeconds } = await timed('metric snapshots', () =>
    // Weibo: two readings of running totals; WeChat: reads per day; portal: page views per day (2 days
    // each). One statement per channel kind, in publication order, so both indexes grow at their end.
    bulk(db, async () => {
      await db.query(
        `INSERT INTO metric_snapshots (publication_id, taken_at, day, likes, reposts, comments)
         SELECT p.id, p.published_at + INTERVAL r.lag DAY, NULL, MOD(p.id * 7, 50) * r.factor,
                MOD(p.id * 13, 30) * r.factor, MOD(p.id, 9) * r.factor
           FROM publications p JOIN accounts a ON a.id = p.account_id
           JOIN (SELECT 1 AS lag, 1 AS factor UNION ALL SELECT 3, 2) r
          WHERE a.channel = 'weibo' AND p.published_at IS NOT NULL
          ORDER BY p.id, r.lag`,
      );
      await db.query(
        `INSERT INTO metric_snapshots (publication_id, taken_at, day, \`reads\`, reposts, page_views)
         SELECT p.id, p.published_at + INTERVAL (r.seq + 1) DAY,
                DATE_FORMAT(p.published_at + INTERVAL 8 HOUR + INTERVAL r.seq DAY, '%Y-%m-%d'),
                IF(a.channel = 'wechat', MOD(p.id * 17, 2000), NULL), IF(a.channel = 'wechat', MOD(p.id, 7), NULL),
                IF(a.channel = 'portal', MOD(p.id * 11, 500), NULL)
           FROM publications p JOIN accounts a ON a.id = p.account_id JOIN seq_0_to_1 r
          WHERE a.channel IN ('wechat', 'portal') AND p.published_at IS NOT NULL
          ORDER BY p.id, r.seq`,
      );
    }),
  );
  // An equal block per account, in account order, its times rising through the 691 days (a random second
  // within each step), so the (account, created_at) index only ever appends.
  const perInteractionAccount = Math.ceil(INTERACTIONS / ACCOUNTS);
  const step = Math.floor((DAYS * 86400) / perInteractionAccount);
  const created = `TIMESTAMP('2024-12-31 16:00:00') + INTERVAL (MOD(seq - 1, ${perInteractionAccount}) * ${step} + MOD(seq * 7919, ${step})) SECOND`;
  const { s: interactionSeconds } = await timed(`${INTERACTIONS.toLocaleString('en')} interactions`, () =>
    bulk(db, async () => {
      for (let from = 1; from <= INTERACTIONS; from += 1_000_000) {
        const to = Math.min(INTERACTIONS, from + 999_999);
        await db.query(
          `INSERT INTO interactions (account_id, external_id, kind, text, author_id, author_name, created_at, collected_at, publication_external_id)
             SELECT 1 + (seq - 1) DIV ${perInteractionAccount}, CONCAT('i', seq), ELT(1 + MOD(seq, 3), 'comment', 'reply', 'repost'),
                    '请问办理居住证需要带哪些材料，周末能办吗', CONCAT('u', MOD(seq, 100000)), CONCAT('网友', MOD(seq, 100000)),
                    ${created}, ${created}, CONCAT('p', 1 + MOD(seq * 13, ${PUBLICATIONS}))
               FROM seq_${from}_to_${to}`,
        );
      }
    }),
  );
  return { departmentCount, pubSeconds, snapSeconds, interactionSeconds };
}

async function startServer(url) {
  const child = spawn(process.execPath, [serverMain], {
    env: env(url),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${BASE}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error('the server did not come up');
}

async function login() {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie').split(';')[0];
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
}

const fmt = ({ n, p50, p95, max }) =>
  `n=${n} p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`;

/**
 * Result-cache misses only: every query differs (all figures but one, under each breakdown). Those of one
 * range share what depends on the range alone (quota periods, stale-account candidates) as the dashboard's
 * requests do, unless `db` is given: then the rollup version moves before each request, and nothing is
 * shared or cached (cold).
 */
async function measureApi(cookie, from, to, figureCodes, db) {
  const byOptions = ['', 'department', 'channel', 'month', 'department,month', 'account'];
  const ms = [];
  const perBreakdown = [];
  for (const by of byOptions) {
    const mine = [];
    for (const left of figureCodes) {
      const figures = figureCodes.filter((c) => c !== left).join(',');
      const url = `${BASE}/api/figures?from=${from}&to=${to}&figures=${figures}${by ? `&by=${by}` : ''}`;
      if (db) await db.query('UPDATE figure_rollup_state SET version = version + 1 WHERE id = 1');
      const started = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      const body = await res.json();
      mine.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
    }
    ms.push(...mine);
    perBreakdown.push(`${by || '—'} ${summary(mine).p50.toFixed(0)}`);
  }
  return { ...summary(ms), perBreakdown: `p50 by breakdown (ms): ${perBreakdown.join(', ')}` };
}

/**
 * 数据看板 as a leader opens it: the seven requests the page sends at once for a range (apps/web/src/stores/
 * figures.ts: KPI cards by department, the previous range's cards, the trend, the channel comparison, the
 * column quotas, the stale accounts, the failing accounts), timed until the last answer. With `db`, the rollup
 * version moves before each load — new data arrived since the last look, nothing cached.
 */
async function measureDashboardLoads(cookie, [from, to], previous, loads, db) {
  const figures = (codes, by, [f, t] = [from, to]) =>
    `/api/figures?from=${f}&to=${t}&figures=${codes.join(',')}${by ? `&by=${by}` : ''}`;
  const paths = [
    figures(contracts.kpiFigures, 'department'),
    figures(contracts.kpiFigures, '', previous),
    figures(contracts.trendFigures, 'channel,month'),
    figures(
      [...contracts.channelFigureGroups.publishing, ...contracts.channelFigureGroups.engagement],
      'channel',
    ),
    figures(contracts.quotaFigures, 'column'),
    `/api/figures/rows?from=${from}&to=${to}&figure=staleAccounts&page=1&pageSize=100`,
    '/api/accounts?health=failing',
  ];
  const ms = [];
  for (let i = 0; i < loads; i++) {
    if (db) await db.query('UPDATE figure_rollup_state SET version = version + 1 WHERE id = 1');
    const started = performance.now();
    await Promise.all(
      paths.map(async (path) => {
        const res = await fetch(`${BASE}${path}`, { headers: { cookie } });
        const body = await res.json();
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      }),
    );
    ms.push(performance.now() - started);
  }
  return summary(ms);
}

async function figureTotals(cookie, from, to) {
  const res = await fetch(`${BASE}/api/figures?from=${from}&to=${to}`, { headers: { cookie } });
  return (await res.json()).totals;
}

/** The baseline: the same counts with a plain GROUP BY over the raw publications of the year. */
async function rawGroupBy(db, from, to) {
  const [rows] = await db.query(
    `SELECT a.department_id, COUNT(*) AS published, SUM(p.kind = 'original') AS original,
            SUM(p.kind = 'forward') AS forwarded, SUM(a.channel = 'portal') AS portal
       FROM publications p JOIN accounts a ON a.id = p.account_id JOIN departments d ON d.id = a.department_id
      WHERE d.path LIKE '/1/%' AND p.status = 'published'
        AND p.published_at >= TIMESTAMP(?) - INTERVAL 8 HOUR AND p.published_at < TIMESTAMP(?) + INTERVAL 16 HOUR
      GROUP BY a.department_id`,
    [from, to],
  );
  const sum = (k) => rows.reduce((n, r) => n + Number(r[k]), 0);
  return {
    published: sum('published'),
    original: sum('original'),
    forwarded: sum('forwarded'),
    portalUpdates: sum('portal'),
  };
}

/** Fills the schema as an operator would load it: the rows, then `rebuild-figures` over them. */
async function generate(db, url) {
  const { result: filled, s: fillSeconds } = await timed('generation', () => fill(db));
  const rebuild = await timed('rebuild-figures 2025-01-01 2026-11-22', async () => {
    const r = spawnSync(process.execPath, [serverMain, 'rebuild-figures', '2025-01-01', '2026-11-22'], {
      env: env(url),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`rebuild failed: ${r.stderr}`);
    return r.stdout.trim().split('\n').at(-1);
  });
  return `generation ${fillSeconds.toFixed(0)} s (publications ${filled.pubSeconds.toFixed(0)} s, snapshots ${filled.snapSeconds.toFixed(0)} s, interactions ${filled.interactionSeconds.toFixed(0)} s); ${rebuild.result} in ${rebuild.s.toFixed(1)} s`;
}

async function main() {
  // BENCH_SCHEMA measures again on a schema an earlier run kept (BENCH_KEEP=1), without generating it anew.
  const reused = process.env.BENCH_SCHEMA;
  const schema = reused ?? `sunlight_bench_dashboard_${Date.now()}`;
  const admin = await mysql.createConnection(SERVER);
  if (!reused)
    await admin.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = `${SERVER}/${schema}`;
  let server;
  let db;
  try {
    console.log(`dashboard: schema ${schema}`);
    server = await startServer(url);
    db = await mysql.createConnection({ uri: url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
    const generated = reused ? `schema ${schema} reused` : await generate(db, url);
    const [[counts]] = await db.query(
      `SELECT (SELECT COUNT(*) FROM departments) AS departments, (SELECT COUNT(*) FROM accounts) AS accounts,
              (SELECT COUNT(*) FROM publications) AS publications, (SELECT COUNT(*) FROM interactions) AS interactions,
              (SELECT COUNT(*) FROM metric_snapshots) AS snapshots, (SELECT COUNT(*) FROM columns) AS columns,
              (SELECT COUNT(*) FROM figure_rollup_daily) AS daily, (SELECT COUNT(*) FROM figure_rollup_monthly) AS monthly,
              (SELECT COUNT(*) FROM figure_rollup_yearly) AS yearly`,
    );
    console.log(`  rows: ${JSON.stringify(counts)}`);
    const cookie = await login();
    const catalogue = await (await fetch(`${BASE}/api/figures/catalogue`, { headers: { cookie } })).json();
    const codes = catalogue.figures.map((f) => f.code);
    const publicationCodes = codes.filter(
      (c) => !['quotaPeriods', 'quotaPeriodsMet', 'columnQuotaRate', 'staleAccounts'].includes(c),
    );
    // Warm-up: the first requests pay for connections and JIT, which a running server has long paid.
    await measureApi(cookie, '2024-01-01', '2024-12-31', codes.slice(0, 3));

    // The machine may be shared: the load average says how much of it the run had.
    const loadBefore = loadavg();
    const calendar = await measureApi(cookie, '2025-01-01', '2025-12-31', codes);
    const cold = await measureApi(cookie, '2025-01-01', '2025-12-31', codes, db);
    const rolling = await measureApi(cookie, '2025-11-23', '2026-11-22', codes);
    const publicationsOnly = await measureApi(cookie, '2025-01-01', '2025-12-31', publicationCodes);
    const year = ['2025-01-01', '2025-12-31'];
    const before = ['2024-01-01', '2024-12-31'];
    const dashboardCold = await measureDashboardLoads(cookie, year, before, 20, db);
    const dashboardWarm = await measureDashboardLoads(cookie, year, before, 20);
    const hits = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      await fetch(`${BASE}/api/figures?from=2025-01-01&to=2025-12-31&figures=published,original`, {
        headers: { cookie },
      });
      hits.push(performance.now() - started);
    }
    const raw = [];
    let rawTotals;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      rawTotals = await rawGroupBy(db, '2025-01-01', '2025-12-31');
      raw.push(performance.now() - started);
    }
    const loadAfter = loadavg();
    const api = await figureTotals(cookie, '2025-01-01', '2025-12-31');
    const agree = ['published', 'original', 'forwarded', 'portalUpdates'].every(
      (k) => api[k] === rawTotals[k],
    );
    console.log(`\nyear 2025, whole tree (${counts.departments} departments, ${counts.accounts} accounts):`);
    console.log(`  API, calendar year, all figures (cache misses): ${fmt(calendar)}`);
    console.log(`    ${calendar.perBreakdown}`);
    console.log(
      `  API, calendar year, all figures, cold (rollup version moved before each request): ${fmt(cold)}`,
    );
    console.log(`    ${cold.perBreakdown}`);
    console.log(`  API, 2025-11-23 … 2026-11-22 (cut months from daily rows): ${fmt(rolling)}`);
    console.log(`    ${rolling.perBreakdown}`);
    console.log(`  API, calendar year, publication figures only: ${fmt(publicationsOnly)}`);
    console.log(`    ${publicationsOnly.perBreakdown}`);
    console.log(
      `  数据看板 opened (its 7 requests at once), new data since the last look: ${fmt(dashboardCold)}`,
    );
    console.log(`  数据看板 opened again, nothing changed: ${fmt(dashboardWarm)}`);
    console.log(`  API, cache hits: ${fmt(summary(hits))}`);
    console.log(
      `  raw GROUP BY over publications (published/original/forwarded/portal by department): ${fmt(summary(raw))}`,
    );
    console.log(`  API totals ${JSON.stringify(api)}`);
    console.log(`  raw totals ${JSON.stringify(rawTotals)} → ${agree ? 'equal' : 'DIFFERENT'}`);
    console.log(`  ${generated}`);
    const load = (l) => l.map((n) => n.toFixed(1)).join(' / ');
    console.log(
      `  load average (1 / 5 / 15 min) before the measurements ${load(loadBefore)}, after ${load(loadAfter)}`,
    );
    console.log(
      `target p95 ≤ 50 ms: ${calendar.p95 <= 50 ? 'met' : 'NOT met'} (calendar year, all figures); cold: ${cold.p95 <= 50 ? 'met' : 'NOT met'}`,
    );
    if (!agree) process.exitCode = 1;
  } finally {
    server?.kill('SIGTERM');
    await db?.end();
    if (!process.env.BENCH_KEEP && !reused) await admin.query(`DROP DATABASE IF EXISTS \`${schema}\``);
    await admin.end();
  }
}

await main();
