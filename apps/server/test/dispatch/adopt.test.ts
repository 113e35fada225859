import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicationEntity } from '../../src/database/entities';
import { toDbInstant } from '../../src/database/instant';
import {
  addWeibo,
  collectStream,
  type CollectionFixture,
  count,
  startCollectionFixture,
} from '../collection/support/collection-fixture';
import { testEngines } from '../support/engines';
import { dispatchTick, expectStatus, publication, queuePublication, sent } from './support/dispatch-fixture';

// The collector reads the account's own timeline and may store a status the dispatcher sent before the
// dispatcher has written the status's id (a worker died after the channel took the send). The dispatcher then
// finds the same id already stored as `imported` and adopts that row instead of failing on the unique key.
describe.each(testEngines())('a sent publication the collector imported first, on %s', (engine) => {
  let f: CollectionFixture;
  let weibo: { account: { id: number }; sandboxId: string };

  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'dispatch-adopt');
    weibo = await addWeibo(f, '平安收养');
  });
  afterAll(() => f?.close());

  const rowsWithId = (externalId: string) =>
    f.t.ds.getRepository(PublicationEntity).findBy({ accountId: weibo.account.id, externalId });
  const snapshotsOf = (publicationId: number) =>
    count(f, 'SELECT COUNT(*) AS n FROM metric_snapshots WHERE publication_id = ?', [publicationId]);

  it('keeps the sent row with its post and key, takes over the import’s snapshots and removes it', async () => {
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    const sentRow = await publication(f, pub.id);
    expectStatus(sentRow, 'published');
    const externalId = sentRow.externalId!;
    // As if the worker died after the channel took the send, before it wrote the answer.
    await f.t.ds
      .getRepository(PublicationEntity)
      .update(pub.id, { status: 'sending', externalId: null, url: null, publishedAt: null });

    // Meanwhile the collector reads the timeline: the status is stored as imported, with its first counts.
    await collectStream(f, weibo.account.id, 'timeline');
    const [imported] = await rowsWithId(externalId);
    expect(imported).toMatchObject({ source: 'imported', postId: null });
    const importedSnapshots = await snapshotsOf(imported!.id);
    expect(importedSnapshots).toBeGreaterThan(0);

    // The dead worker's send is taken over: the channel confirms the status, and the import is adopted.
    f.t.clock.advance(10 * 60_000);
    await dispatchTick(f);
    const adopted = await publication(f, pub.id);
    expectStatus(adopted, 'published');
    expect(adopted).toMatchObject({
      externalId,
      source: 'sunlight',
      postId: pub.postId,
      idempotencyKey: pub.idempotencyKey,
    });
    expect(adopted.url).toBeTruthy();
    const stored = await rowsWithId(externalId);
    expect(stored.map((r) => r.id)).toEqual([pub.id]);
    expect(await snapshotsOf(imported!.id)).toBe(0);
    expect(await snapshotsOf(pub.id)).toBe(importedSnapshots);
    // Counted once: one published row for the one status the channel holds.
    expect(
      await count(f, `SELECT COUNT(*) AS n FROM publications WHERE account_id = ? AND status = 'published'`, [
        weibo.account.id,
      ]),
    ).toBe(1);
    expect(await sent(f, weibo.sandboxId)).toHaveLength(1);

    // A later reading of the timeline leaves the sent row as the dispatcher wrote it.
    f.t.clock.advance(61_000);
    await collectStream(f, weibo.account.id, 'timeline');
    expect((await rowsWithId(externalId)).map((r) => [r.id, r.source])).toEqual([[pub.id, 'sunlight']]);
  });

  it('moves running totals and keeps the sent row’s own reading of a day the import also has', async () => {
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    const externalId = (await publication(f, pub.id)).externalId!;
    await f.t.ds
      .getRepository(PublicationEntity)
      .update(pub.id, { status: 'sending', externalId: null, url: null, publishedAt: null });
    f.t.clock.advance(61_000);
    await collectStream(f, weibo.account.id, 'timeline');
    const [imported] = await rowsWithId(externalId);
    // A dated reading of one day on each row (as WeChat and the portal report them).
    const day = (publicationId: number, reads: number) =>
      f.t.ds.query(
        `INSERT INTO metric_snapshots (publication_id, taken_at, day, ${engine === 'mysql' ? '`reads`' : 'reads'})
         VALUES (?, ?, ?, ?)`,
        [publicationId, toDbInstant(f.t.ds, new Date()), '2026-11-20', reads],
      );
    await day(imported!.id, 7);
    await day(pub.id, 9);
    const running = await count(
      f,
      'SELECT COUNT(*) AS n FROM metric_snapshots WHERE publication_id = ? AND day IS NULL',
      [imported!.id],
    );
    f.t.clock.advance(10 * 60_000);
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'published');
    expect((await rowsWithId(externalId)).map((r) => r.id)).toEqual([pub.id]);
    const rows = await f.t.ds.query<Array<{ day: string | null; n: number | null }>>(
      `SELECT day, ${engine === 'mysql' ? '`reads`' : 'reads'} AS n FROM metric_snapshots WHERE publication_id = ?`,
      [pub.id],
    );
    expect(rows.filter((r) => r.day === null)).toHaveLength(running);
    expect(rows.filter((r) => r.day !== null).map((r) => [r.day, Number(r.n)])).toEqual([['2026-11-20', 9]]);
  });
});
