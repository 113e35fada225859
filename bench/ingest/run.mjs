// bench ingest: interactions per second through the collector's write path — CollectionRepository's
// upsertInteractions, the method collection jobs call, one transaction per page as a job commits — against
// the raw mysql2 multi-row INSERT of the same rows into the same table, measured in one run on MariaDB.
// Target (shared/DESIGN.md): the collector reaches ≥ 70 % of the raw ceiling.
//
// Uses the built server (apps/server/dist; `npm run bench -- ingest` builds it). Creates its own schema
// (migrated exactly as production) and drops it afterwards. SUNLIGHT_BENCH_MYSQL_URL overrides the server.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const serverRequire = createRequire(join(root, 'apps/server/package.json'));
serverRequire('reflect-metadata');
const mysql = serverRequire('mysql2/promise');
const { createDataSource } = serverRequire('./dist/database/data-source.js');
const { CollectionRepository, INTERACTION_COLUMNS } = serverRequire(
  './dist/modules/collection/collection.repository.js',
);

const SERVER = process.env.SUNLIGHT_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
/** A Weibo comments page: the collector stores each page it reads in one statement and one transaction. */
const PAGE = Number(process.env.BENCH_PAGE ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const PHRASES = [
  '请问办理居住证需要带哪些材料',
  '高架上两车追尾，现场拥堵严重',
  '感谢民警同志的热心帮助',
  '小区门口经常有车辆乱停乱放',
  '接到自称客服的电话要求转账，是不是诈骗',
  '身份证丢了怎么补办，周末能办吗',
  '建议在学校门口增加护学岗',
  '深夜施工噪音太大，影响休息',
];

/** Collected interactions as a provider hands them over: Chinese text of realistic length, int64-like ids. */
function interactions(count) {
  const base = 1_730_000_000_000n * 10_000n;
  return Array.from({ length: count }, (_, i) => {
    const text = `${PHRASES[i % PHRASES.length]}，${PHRASES[(i * 7 + 3) % PHRASES.length]}。#${i}`;
    const reply = i % 5 === 0;
    return {
      externalId: String(base + BigInt(i * 2 + 1)),
      kind: reply ? 'reply' : 'comment',
      text,
      authorId: String(5_000_000_000 + (i % 5000)),
      authorName: `网友${i % 5000}`,
      createdAt: new Date(Date.UTC(2026, 10, 1) + i * 1000),
      publicationExternalId: String(base + BigInt((i % 300) * 2 + 100_000_001)),
      parentExternalId: reply ? String(base + BigInt(i * 2 - 1)) : null,
      replyContext: { target: 'comment', statusId: String(base + BigInt((i % 300) * 2 + 100_000_001)) },
    };
  });
}

function pages(items) {
  const out = [];
  for (let i = 0; i < items.length; i += PAGE) out.push(items.slice(i, i + PAGE));
  return out;
}

/** The same values the repository writes, as rows for mysql2's `VALUES ?` expansion. */
function rawRows(accountId, page, now) {
  return page.map((i) => [
    accountId,
    i.externalId,
    i.kind,
    i.text,
    i.authorId,
    i.authorName,
    i.createdAt,
    now,
    i.publicationExternalId,
    i.parentExternalId,
    JSON.stringify(i.replyContext),
    null,
  ]);
}

async function timed(label, work) {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = ROWS / seconds;
  console.log(
    `  ${label.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s  ${Math.round(perSecond).toLocaleString('en-US').padStart(9)} rows/s`,
  );
  return perSecond;
}

async function main() {
  const schema = `sunlight_bench_ingest_${Date.now()}`;
  const admin = await mysql.createConnection(SERVER);
  await admin.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = `${SERVER}/${schema}`;
  let ds;
  let raw;
  try {
    ds = await createDataSource({ type: 'mysql', url, database: schema });
    await ds.runMigrations();
    await ds.query(
      `INSERT INTO departments (id, name, parent_id, path, depth) VALUES (1, '示范市公安局', NULL, '/1/', 0)`,
    );
    await ds.query(
      `INSERT INTO accounts (id, department_id, channel, name, base_url, settings) VALUES (1, 1, 'weibo', '平安示范', 'http://127.0.0.1', '{}')`,
    );
    raw = await mysql.createConnection({ uri: url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
    const repo = new CollectionRepository();
    const batches = pages(interactions(ROWS));
    const [{ v: version }] = await ds.query('SELECT VERSION() AS v');
    console.log(
      `ingest: ${ROWS.toLocaleString('en-US')} interactions in pages of ${PAGE}, MariaDB/MySQL ${version}, ${ROUNDS} alternating rounds`,
    );

    const collector = [];
    const ceiling = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await ds.query('TRUNCATE TABLE interactions');
      ceiling.push(
        await timed(`raw mysql2 INSERT (round ${round})`, async () => {
          const now = new Date();
          for (const page of batches)
            await raw.query(`INSERT INTO interactions (${INTERACTION_COLUMNS.join(', ')}) VALUES ?`, [
              rawRows(1, page, now),
            ]);
        }),
      );
      await ds.query('TRUNCATE TABLE interactions');
      collector.push(
        await timed(`collector upsert (round ${round})`, async () => {
          const now = new Date();
          for (const page of batches) await ds.transaction((tx) => repo.upsertInteractions(tx, 1, page, now));
        }),
      );
    }
    // Collected again (a crash repeats a page, an import overlaps polling): every row already there.
    const repeat = await timed('collector upsert, all duplicates', async () => {
      const now = new Date();
      for (const page of batches) await ds.transaction((tx) => repo.upsertInteractions(tx, 1, page, now));
    });
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM interactions');
    if (Number(n) !== ROWS) throw new Error(`expected ${ROWS} rows after the repeat, found ${n}`);

    // Rounds alternate so that disk and buffer-pool noise falls on both sides; the best round of each is
    // compared (the ceiling is what the machine can do), the medians are printed beside it.
    const best = (xs) => Math.max(...xs);
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const fmt = (x) => Math.round(x).toLocaleString('en-US');
    const ratio = best(collector) / best(ceiling);
    console.log(`raw ceiling:   ${fmt(best(ceiling))} interactions/s (median ${fmt(median(ceiling))})`);
    console.log(`collector:     ${fmt(best(collector))} interactions/s (median ${fmt(median(collector))})`);
    console.log(
      `re-collection: ${Math.round(repeat).toLocaleString('en-US')} interactions/s (all duplicates)`,
    );
    console.log(
      `ratio:         ${(ratio * 100).toFixed(1)} % of the raw ceiling (medians ${((median(collector) / median(ceiling)) * 100).toFixed(1)} %; target ≥ 70 %) ${ratio >= 0.7 ? 'PASS' : 'FAIL'}`,
    );
    process.exitCode = ratio >= 0.7 ? 0 : 1;
  } finally {
    await raw?.end();
    await ds?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${schema}\``);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
