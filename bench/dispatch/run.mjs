// bench dispatch: lag from a publication's due time to the channel's request, 10,000 publications due in one
// minute, sent by 4 real worker processes (node apps/server/dist/main.js, SUNLIGHT_ROLE=worker) on MariaDB to
// the channel sandbox (apps/sandbox/dist, its own process) — against a baseline measured in the same run: the
// same 10,000 requests sent straight to the same sandbox by a plain loop at the same due times, no database.
// The request time is the sandbox's own: the creation time its ledger records for each status.
// Target (shared/DESIGN.md): p99 ≤ 1 s, 0 duplicates.
//
// Uses the built server and sandbox (`npm run bench -- dispatch` builds them). Creates its own schema and
// sandbox data dir and removes them afterwards. SUNLIGHT_BENCH_MYSQL_URL overrides the server.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const serverRequire = createRequire(join(root, 'apps/server/package.json'));
const mysql = serverRequire('mysql2/promise');

const SERVER = process.env.SUNLIGHT_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const ACCOUNTS = 50;
/** One post goes out to this many accounts at its time, as a post fans out to its targets. */
const FAN_OUT = 5;
const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? 10_000);
const WINDOW_MS = 60_000;
const SECRET_KEY = 'b'.repeat(64);
const ADMIN_PASSWORD = 'Bench-Dispatch-2026';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts a process and resolves once its stdout has printed `ready` (a string it is known to print). */
function start(args, env, ready) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes(ready)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/** BENCH_PROFILE_DIR=dir: the workers write CPU profiles there (they are then stopped gracefully). */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

function stop(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
  return gone;
}

/** A browser-like client of the API: the session cookie and the CSRF token. */
async function apiClient(base, username, password) {
  let cookie = '';
  let csrf = '';
  const call = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const json = await res.json().catch(() => null);
    if (res.status >= 400) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const session = await call('POST', '/api/auth/login', { username, password });
  csrf = session.csrfToken;
  return { call, session };
}

/** CPU seconds a process has used (user + system), from /proc; null where that cannot be read. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function mariadbPid() {
  try {
    return (
      Number(execFileSync('pidof', ['mariadbd', 'mysqld'], { encoding: 'utf8' }).trim().split(/\s+/)[0]) ||
      null
    );
  } catch {
    return null;
  }
}

/** Where the CPU went between two readings: the workers, the sandbox, the database server. */
function cpuReading(workers, sandbox, db) {
  const sum = (pids) => pids.reduce((t, p) => t + (cpuSeconds(p) ?? 0), 0);
  return { workers: sum(workers), sandbox: cpuSeconds(sandbox) ?? 0, db: db ? (cpuSeconds(db) ?? 0) : null };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (ms) => `${Math.round(ms)} ms`;

/** The planned due time of publication `i`: posts every 30 ms through the minute, FAN_OUT accounts each. */
const dueOf = (t0, i) => t0 + Math.floor(Math.floor(i / FAN_OUT) * (WINDOW_MS / (PUBLICATIONS / FAN_OUT)));
const accountOf = (i) => i % ACCOUNTS;
const text = (label, i) =>
  `【交通提示】早高峰期间部分路段车流量较大，请合理安排出行。${label} #${i} https://gaj.bench.gov.cn/n${i}`;

/** Lags (ms) of the ledger's statuses that carry `label`, and how many carried the same mark twice. */
function lagsOf(ledger, label, t0) {
  const seen = new Map();
  const pattern = new RegExp(`${label} #(\\d+)`);
  for (const e of ledger.items) {
    const m = pattern.exec(e.text);
    if (!m) continue;
    const i = Number(m[1]);
    if (!seen.has(i)) seen.set(i, []);
    seen.get(i).push(Date.parse(e.createdAt) - dueOf(t0, i));
  }
  const lags = [...seen.values()].map((l) => Math.min(...l)).sort((a, b) => a - b);
  const duplicates = [...seen.values()].reduce((n, l) => n + l.length - 1, 0);
  return { lags, duplicates, missing: PUBLICATIONS - seen.size };
}

function report(label, { lags, duplicates, missing }) {
  console.log(
    `  ${label.padEnd(26)} p50 ${fmt(percentile(lags, 50)).padStart(8)}  p99 ${fmt(percentile(lags, 99)).padStart(8)}  max ${fmt(lags.at(-1)).padStart(8)}  duplicates ${duplicates}  missing ${missing}`,
  );
}

async function main() {
  const schema = `sunlight_bench_dispatch_${Date.now()}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sunlight-bench-dispatch-'));
  const admin = await mysql.createConnection(SERVER);
  await admin.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = `${SERVER}/${schema}`;
  const children = [];
  let db;
  try {
    const sandboxPort = await freePort();
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    children.push(
      await start(
        [
          join(root, 'apps/sandbox/dist/main.js'),
          '--port',
          String(sandboxPort),
          '--data',
          join(dataDir, 'sandbox'),
          '--seed',
          'bench',
        ],
        { SANDBOX_PUBLIC_RATE: '0' },
        'sandbox listening',
      ),
    );
    const control = async (method, path, body) => {
      const res = await fetch(`${sandboxUrl}/__control${path}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      if (res.status >= 400) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status}`);
      return res.json();
    };

    // The api role once: it migrates the schema and creates the organisation, as a first start does.
    const apiPort = await freePort();
    const serverEnv = {
      DATABASE_URL: url,
      SUNLIGHT_SECRET_KEY: SECRET_KEY,
      SUNLIGHT_DATA_DIR: join(dataDir, 'server'),
      SUNLIGHT_LOG_LEVEL: 'warn',
      SUNLIGHT_DEMO: '0',
      // One round of collection for the accounts, then quiet: the bench measures sending.
      SUNLIGHT_COLLECT_INTERVAL: '3600',
      SUNLIGHT_METRICS_INTERVAL: '3600',
    };
    const api = await start(
      [join(root, 'apps/server/dist/main.js')],
      {
        ...serverEnv,
        SUNLIGHT_ROLE: 'api',
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        SUNLIGHT_ADMIN_PASSWORD: ADMIN_PASSWORD,
      },
      'http://',
    );
    const { call, session } = await apiClient(`http://127.0.0.1:${apiPort}`, 'admin', ADMIN_PASSWORD);
    const accounts = [];
    for (let a = 0; a < ACCOUNTS; a++) {
      const v = await control('POST', '/accounts', {
        platform: 'weibo',
        name: `平安基准${a}`,
        limits: { callsPerHour: 10_000_000, postsPerHour: 1_000_000 },
      });
      const account = await call('POST', '/api/accounts', {
        departmentId: session.user.departmentId,
        channel: 'weibo',
        name: `平安基准${a}`,
        baseUrl: v.baseUrl,
        settings: { uid: v.credentials.uid },
        secrets: { appKey: v.credentials.appKey, appSecret: v.credentials.appSecret },
      });
      await call('POST', `/api/accounts/${account.id}/credentials`, {
        accessToken: v.credentials.accessToken,
        tokenExpiresAt: v.credentials.expiresAt,
      });
      accounts.push({ id: account.id });
    }
    await stop(api);
    // The baseline's own accounts, on the sandbox only: nothing in Sunlight collects what it sends.
    const plain = [];
    for (let a = 0; a < ACCOUNTS; a++) {
      const v = await control('POST', '/accounts', {
        platform: 'weibo',
        name: `平安基线${a}`,
        limits: { callsPerHour: 10_000_000, postsPerHour: 1_000_000 },
      });
      plain.push({ baseUrl: v.baseUrl, token: v.credentials.accessToken });
    }

    const [{ v: version }] = await admin.query('SELECT VERSION() AS v').then(([rows]) => rows);
    console.log(
      `dispatch: ${PUBLICATIONS.toLocaleString('en-US')} publications (${PUBLICATIONS / FAN_OUT} posts × ${FAN_OUT} Weibo accounts of ${ACCOUNTS}) due within one minute, ${WORKERS} worker processes, MariaDB/MySQL ${version}`,
    );

    // Baseline: the same requests at the same due times, from a loop with nothing else to do.
    const baseT0 = Date.now() + 2_000;
    const inFlight = [];
    for (let i = 0; i < PUBLICATIONS; i++) {
      const wait = dueOf(baseT0, i) - Date.now();
      if (wait > 0) await sleep(wait);
      const a = plain[accountOf(i)];
      inFlight.push(
        fetch(`${a.baseUrl}/2/statuses/share.json`, {
          method: 'POST',
          headers: {
            authorization: `OAuth2 ${a.token}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ status: text('基线', i), rip: '127.0.0.1' }),
        }).then((r) => r.arrayBuffer()),
      );
    }
    await Promise.all(inFlight);
    const baseline = lagsOf(await control('GET', '/published?origin=api&limit=100000'), '基线', baseT0);

    // The dispatcher: four workers up and idle, then the publications as approval leaves them.
    for (let w = 0; w < WORKERS; w++)
      children.push(
        await start(
          [
            ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
            join(root, 'apps/server/dist/main.js'),
          ],
          { ...serverEnv, SUNLIGHT_ROLE: 'worker' },
          'worker started',
        ),
      );
    await sleep(3_000);
    db = await mysql.createConnection({ uri: url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
    const workerPids = children.slice(1).map((c) => c.pid);
    const dbPid = mariadbPid();
    const [[{ Value: questionsBefore }]] = await db.query(`SHOW GLOBAL STATUS LIKE 'Questions'`);
    const cpuBefore = cpuReading(workerPids, children[0].pid, dbPid);
    const t0 = Date.now() + 8_000;
    const posts = [];
    const pubs = [];
    for (let p = 0; p < PUBLICATIONS / FAN_OUT; p++) {
      const postId = 1000 + p;
      posts.push([
        postId,
        session.user.departmentId,
        session.user.id,
        `交通提示 ${p}`,
        text('调度', p),
        'original',
        'public',
        '[]',
        '[]',
        'scheduled',
        new Date(dueOf(t0, p * FAN_OUT)),
      ]);
      for (let k = 0; k < FAN_OUT; k++) {
        const i = p * FAN_OUT + k;
        const account = accounts[accountOf(i)];
        const key = `post:${postId}:account:${account.id}:v1`;
        const body = text('调度', i);
        const payload = {
          idempotencyKey: key,
          kind: 'original',
          title: `交通提示 ${p}`,
          body,
          images: [],
          attachments: [],
        };
        pubs.push([
          account.id,
          postId,
          'original',
          `交通提示 ${p}`,
          body,
          'queued',
          'sunlight',
          key,
          new Date(dueOf(t0, i)),
          JSON.stringify(payload),
          0,
        ]);
      }
    }
    // Workers ticking meanwhile may make InnoDB pick an insert as a deadlock victim: it is simply run again.
    const insert = async (sql, rows) => {
      for (let tries = 1; ; tries++) {
        try {
          return await db.query(sql, [rows]);
        } catch (err) {
          if (err.errno !== 1213 || tries >= 5) throw err;
        }
      }
    };
    for (let i = 0; i < posts.length; i += 500)
      await insert(
        'INSERT INTO posts (id, department_id, author_id, title, body, kind, classification, tags, attachment_ids, status, scheduled_at) VALUES ?',
        posts.slice(i, i + 500),
      );
    for (let i = 0; i < pubs.length; i += 500)
      await insert(
        'INSERT INTO publications (account_id, post_id, kind, title, text, status, source, idempotency_key, due_at, payload, attempts) VALUES ?',
        pubs.slice(i, i + 500),
      );
    if (Date.now() > t0) throw new Error('the publications were stored after their due time; raise the lead');

    const deadline = t0 + WINDOW_MS + 300_000;
    for (;;) {
      const [[{ n }]] = await db.query(
        `SELECT COUNT(*) AS n FROM publications WHERE source = 'sunlight' AND status = 'published'`,
      );
      if (Number(n) === PUBLICATIONS) break;
      if (Date.now() > deadline) throw new Error(`only ${n} of ${PUBLICATIONS} published after 5 minutes`);
      await sleep(500);
    }
    const cpuAfter = cpuReading(workerPids, children[0].pid, dbPid);
    const [[{ Value: questionsAfter }]] = await db.query(`SHOW GLOBAL STATUS LIKE 'Questions'`);
    const busy = (Date.now() - t0) / 1000;
    const ledger = await control('GET', '/published?origin=api&limit=100000');
    const dispatcher = lagsOf(ledger, '调度', t0);
    const [[failed]] = await db.query(
      `SELECT SUM(attempts > 1) AS retried FROM publications WHERE source = 'sunlight'`,
    );

    console.log('lag from due time to the channel request (the sandbox ledger’s creation time):');
    report('baseline: plain loop', baseline);
    report(`dispatcher: ${WORKERS} workers`, dispatcher);
    console.log(
      `  sandbox duplicate groups: ${ledger.duplicates.length}; publications sent more than once by the workers: ${dispatcher.duplicates}; rows needing more than one attempt: ${failed.retried ?? 0}`,
    );
    const used = (k) => (cpuAfter[k] === null ? 'n/a' : `${(cpuAfter[k] - cpuBefore[k]).toFixed(1)} s`);
    console.log(
      `  CPU from the first due time to the last publication (${busy.toFixed(0)} s, 2 cores = ${(2 * busy).toFixed(0)} CPU-s): workers ${used('workers')}, sandbox ${used('sandbox')}, MariaDB ${used('db')}; SQL statements per publication ${((questionsAfter - questionsBefore) / PUBLICATIONS).toFixed(1)}`,
    );
    const p99 = percentile(dispatcher.lags, 99);
    const ok =
      p99 <= 1000 &&
      dispatcher.duplicates === 0 &&
      dispatcher.missing === 0 &&
      ledger.duplicates.length === 0;
    console.log(
      `target p99 ≤ 1 s, 0 duplicates: p99 ${fmt(p99)}, duplicates ${dispatcher.duplicates} ${ok ? 'PASS' : 'FAIL'}`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all(children.map(stop));
    await db?.end();
    await admin.query(`DROP DATABASE IF EXISTS \`${schema}\``);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message).slice(0, 2000) : err);
  process.exit(1);
});
