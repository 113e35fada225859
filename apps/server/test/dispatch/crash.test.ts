import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWeibo,
  type CollectionFixture,
  count,
  startCollectionFixture,
} from '../collection/support/collection-fixture';
import { testEngines } from '../support/engines';
import { TEST_SECRET_KEY } from '../support/test-app';
import { startWorkerProcess, until } from '../support/worker-process';
import { queuePublication, sent } from './support/dispatch-fixture';

const script = join(__dirname, '../support/dispatcher-process.ts');
const TOTAL = 60;

// Three dispatchers send at once; one is killed with SIGKILL while it holds sends. Its publications are
// taken over once their leases run out, reconciled with the channel first: nothing twice, nothing lost.
describe.each(testEngines())('dispatchers killed mid-send on %s', (engine) => {
  let f: CollectionFixture;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'dispatch-crash');
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await f?.close();
  });

  const start = () =>
    startWorkerProcess(script, {
      DATABASE_URL: f.t.db.url,
      SUNLIGHT_DATA_DIR: f.t.db.dataDir,
      SUNLIGHT_SECRET_KEY: TEST_SECRET_KEY,
      // Well above a slow send on a busy machine: a live worker's send must never be taken over.
      LEASE_MS: '5000',
    });

  it('sends every publication exactly once', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安并发', {
      limits: { callsPerHour: 100_000, postsPerHour: 10_000 },
    });
    // Slow answers keep sends in flight, so the kill lands mid-send.
    await f.sandbox.fault({
      platform: 'weibo',
      endpoint: '/2/statuses/share.json',
      kind: 'slow',
      delayMs: 400,
    });
    // Every worker is up before anything is due: on a busy machine one worker alone would otherwise have sent
    // everything before the others had started, leaving nothing to kill.
    children.push(...(await Promise.all([start(), start(), start()])));
    for (let i = 0; i < TOTAL; i++) await queuePublication(f, account.id);
    const inState = (s: string) =>
      count(f, 'SELECT COUNT(*) AS n FROM publications WHERE account_id = ? AND status = ?', [account.id, s]);

    const runningFor = (pid: number) =>
      f.t.ds.query<Array<{ id: number | string }>>(
        `SELECT id FROM jobs WHERE status = 'running' AND name = 'dispatch.send' AND lease_owner LIKE ?`,
        [`%:${pid}:%`],
      );
    // A worker seen holding sends may finish them in the moment before the signal lands: only jobs it still
    // holds once it is dead were cut off mid-send. Kill the next one until a kill has done that.
    let stranded: number[] = [];
    const killed = new Set<number>();
    while (stranded.length === 0) {
      let victim: ChildProcess | undefined;
      await until(
        async () => {
          for (const c of children.filter((c) => !killed.has(c.pid!)))
            if ((await runningFor(c.pid!)).length > 0) victim = c;
          return victim !== undefined;
        },
        60_000,
        10,
      );
      const dead = new Promise((r) => victim!.once('exit', r));
      victim!.kill('SIGKILL');
      killed.add(victim!.pid!);
      await dead;
      stranded = (await runningFor(victim!.pid!)).map((r) => Number(r.id));
      children.push(await start());
    }
    expect(stranded.length).toBeGreaterThan(0);

    await until(async () => (await inState('published')) === TOTAL, 120_000);
    const ledger = await sent(f, sandboxId);
    expect(ledger).toHaveLength(TOTAL);
    expect(new Set(ledger.map((e) => e.externalId)).size).toBe(TOTAL);
    const stored = await f.t.ds.query<Array<{ external_id: string }>>(
      'SELECT external_id FROM publications WHERE account_id = ?',
      [account.id],
    );
    expect(new Set(stored.map((r) => r.external_id))).toEqual(new Set(ledger.map((e) => e.externalId)));
    // The victim's sends were taken over once their leases ran out, and finished by another worker.
    const takenOver = await f.t.ds.query<Array<{ status: string; attempts: number }>>(
      `SELECT status, attempts FROM jobs WHERE id IN (${stranded.map(() => '?').join(', ')})`,
      stranded,
    );
    expect(takenOver.map((j) => [j.status, Number(j.attempts) > 1])).toEqual(
      stranded.map(() => ['done', true]),
    );
    await f.sandbox.clearFaults();
  }, 180_000);
});
