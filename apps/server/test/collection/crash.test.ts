import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionSchedule } from '../../src/modules/collection/collection-schedule.service';
import { testEngines } from '../support/engines';
import { TEST_SECRET_KEY } from '../support/test-app';
import { startWorkerProcess, until } from '../support/worker-process';
import {
  addWeibo,
  type CollectionFixture,
  count,
  ledger,
  seedHistory,
  startCollectionFixture,
  storedPublications,
} from './support/collection-fixture';

const script = join(__dirname, '../support/collector-process.ts');

function startCollector(url: string): Promise<ChildProcess> {
  return startWorkerProcess(script, {
    DATABASE_URL: url,
    SUNLIGHT_SECRET_KEY: TEST_SECRET_KEY,
    LEASE_MS: '2000',
  });
}

// A collector killed with SIGKILL in the middle of walking a long history leaves its page uncommitted; the
// next worker takes the job over once the lease expires and continues from the cursor stored with the rows.
describe.each(testEngines())('a collector killed mid-collection on %s', (engine) => {
  let f: CollectionFixture;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'crash-test');
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await f?.close();
  });

  it('stores exactly the platform’s items: no duplicates, no gaps', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安崩溃');
    const history = await seedHistory(f, sandboxId, 3000, { days: 25, commentsPerPost: 1 });
    await f.t.app.get(CollectionSchedule).enqueueDue();
    const publications = () =>
      count(f, 'SELECT COUNT(*) AS n FROM publications WHERE account_id = ?', [account.id]);
    const busy = () =>
      count(
        f,
        `SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running') AND name LIKE 'collection.%'`,
      );

    const victim = await startCollector(f.t.db.url);
    children.push(victim);
    const holdsLease = async () =>
      (await count(f, `SELECT COUNT(*) AS n FROM jobs WHERE status = 'running' AND lease_owner LIKE ?`, [
        `%:${victim.pid}:%`,
      ])) > 0;
    await until(async () => (await publications()) >= 900 && (await holdsLease()), 60_000, 25);
    victim.kill('SIGKILL');
    const atKill = await publications();
    expect(atKill).toBeLessThan(3000);

    children.push(await startCollector(f.t.db.url));
    await until(async () => (await busy()) === 0, 90_000);

    const stored = await storedPublications(f, account.id);
    const expected = await ledger(f, sandboxId);
    expect(stored).toHaveLength(3000);
    expect(new Set(stored.map((p) => p.external_id))).toEqual(new Set(expected.map((e) => e.externalId)));
    expect(await count(f, 'SELECT COUNT(*) AS n FROM interactions WHERE account_id = ?', [account.id])).toBe(
      history.comments,
    );
    expect(
      await count(f, 'SELECT COUNT(DISTINCT external_id) AS n FROM interactions WHERE account_id = ?', [
        account.id,
      ]),
    ).toBe(history.comments);
    // The victim's leases ran out and its jobs were taken over.
    expect(await count(f, `SELECT COUNT(*) AS n FROM jobs WHERE attempts > 1`)).toBeGreaterThan(0);
  }, 180_000);
});
