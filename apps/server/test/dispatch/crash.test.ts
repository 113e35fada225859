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
      LEASE_MS: '2000',
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
    for (let i = 0; i < TOTAL; i++) await queuePublication(f, account.id);
    const inState = (s: string) =>
      count(f, 'SELECT COUNT(*) AS n FROM publications WHERE account_id = ? AND status = ?', [account.id, s]);

    for (let i = 0; i < 3; i++) children.push(await start());
    const victim = children[0]!;
    const holdsLease = async () =>
      (await count(f, `SELECT COUNT(*) AS n FROM jobs WHERE status = 'running' AND lease_owner LIKE ?`, [
        `%:${victim.pid}:%`,
      ])) > 0;
    await until(holdsLease, 60_000, 10);
    victim.kill('SIGKILL');
    children.push(await start());

    await until(async () => (await inState('published')) === TOTAL, 120_000);
    const ledger = await sent(f, sandboxId);
    expect(ledger).toHaveLength(TOTAL);
    expect(new Set(ledger.map((e) => e.externalId)).size).toBe(TOTAL);
    const stored = await f.t.ds.query<Array<{ external_id: string }>>(
      'SELECT external_id FROM publications WHERE account_id = ?',
      [account.id],
    );
    expect(new Set(stored.map((r) => r.external_id))).toEqual(new Set(ledger.map((e) => e.externalId)));
    // The victim's sends were taken over once their leases ran out.
    expect(
      await count(f, `SELECT COUNT(*) AS n FROM jobs WHERE name = 'dispatch.send' AND attempts > 1`),
    ).toBeGreaterThan(0);
    await f.sandbox.clearFaults();
  }, 180_000);
});
