import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobEntity, PublicationEntity } from '../../src/database/entities';
import { CollectStreamHandler } from '../../src/modules/collection/collect-stream.handler';
import { COLLECT_STREAM_JOB } from '../../src/modules/collection/collection-job-specs';
import { CollectionStateRepository } from '../../src/modules/collection/collection-state.repository';
import { testEngines } from '../support/engines';
import {
  accountState,
  addPortal,
  addWechat,
  addWeibo,
  type CollectionFixture,
  count,
  ledger,
  seedHistory,
  startCollectionFixture,
  storedInteractions,
  storedPublications,
} from './support/collection-fixture';

const POLL_INTERVAL_MS = 61_000;
const sorted = (xs: string[]) => [...xs].sort();

interface Advance {
  items: { accountId: string; kind: string; id: string }[];
}

describe.each(testEngines())('collection on %s', (engine) => {
  let f: CollectionFixture;
  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'collect-test');
  });
  afterAll(() => f?.close());

  it('collects a Weibo account end to end: exactly its timeline and the comments to it', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安江城');
    const history = await seedHistory(f, sandboxId, 250);
    await f.poll();

    const pubs = await storedPublications(f, account.id);
    const expected = await ledger(f, sandboxId);
    expect(pubs).toHaveLength(250);
    expect(sorted(pubs.map((p) => `${p.external_id} ${p.kind}`))).toEqual(
      sorted(expected.map((e) => `${e.externalId} ${e.kind}`)),
    );
    expect(pubs.every((p) => p.source === 'imported')).toBe(true);
    const interactions = await storedInteractions(f, account.id);
    const ours = new Set(pubs.map((p) => p.external_id));
    // The public's comments; the account's own answers are not "to me" and are not interactions.
    expect(interactions).toHaveLength(history.comments);
    expect(interactions.every((i) => i.kind === 'comment')).toBe(true);
    expect(interactions.every((i) => i.publication_external_id && ours.has(i.publication_external_id))).toBe(
      true,
    );
    const state = await accountState(f, account.id);
    expect(state).toMatchObject({ lastError: null, consecutiveFailures: 0, backoffUntil: null });
    expect(state.lastCollectedAt).not.toBeNull();
    // Each status carried its counts: a first snapshot per publication.
    expect(
      await count(
        f,
        'SELECT COUNT(*) AS n FROM metric_snapshots m JOIN publications p ON p.id = m.publication_id WHERE p.account_id = ?',
        [account.id],
      ),
    ).toBe(250);

    // The public writes: new comments, replies to them, reposts and mentions arrive with the next poll only.
    const advance = await f.sandbox.ctl<Advance>('POST', '/public/advance', {
      count: 40,
      accounts: [sandboxId],
      kinds: { comment: 3, reply: 2, repost: 1, mention: 1 },
    });
    await f.poll();
    expect(await storedInteractions(f, account.id)).toHaveLength(interactions.length);
    f.t.clock.advance(POLL_INTERVAL_MS);
    await f.poll();
    const after = await storedInteractions(f, account.id);
    const byId = new Map(after.map((i) => [i.external_id, i]));
    for (const item of advance.items) {
      const stored = byId.get(item.id);
      expect(stored, `${item.kind} ${item.id}`).toBeDefined();
      expect(stored!.kind).toBe(item.kind);
      if (item.kind === 'reply') expect(stored!.parent_external_id).not.toBeNull();
      if (item.kind !== 'mention') expect(ours.has(stored!.publication_external_id!)).toBe(true);
    }
    expect(after).toHaveLength(interactions.length + advance.items.length);

    // Polling again stores nothing twice.
    f.t.clock.advance(POLL_INTERVAL_MS);
    await f.poll();
    expect(await storedPublications(f, account.id)).toHaveLength(250);
    expect(await storedInteractions(f, account.id)).toHaveLength(after.length);
  });

  it('collects a WeChat account end to end, fetching its first token itself', async () => {
    const { account, sandboxId } = await addWechat(f, '江城公安');
    const history = await seedHistory(f, sandboxId, 15);
    await f.poll();

    // One publication per article of each message; the ledger lists a message with its titles joined.
    const titles = (await ledger(f, sandboxId)).flatMap((e) => (e as { title?: string }).title!.split(' | '));
    const pubs = await storedPublications(f, account.id);
    expect(sorted(pubs.map((p) => p.title))).toEqual(sorted(titles));
    // The API does not say which articles were declared original: 未分类 until Sunlight sends its own.
    expect(pubs.every((p) => p.kind === 'unclassified')).toBe(true);
    const interactions = await storedInteractions(f, account.id);
    expect(interactions).toHaveLength(history.comments);
    const ids = new Set(pubs.map((p) => p.external_id));
    expect(interactions.every((i) => ids.has(i.publication_external_id!))).toBe(true);
    const state = await accountState(f, account.id);
    expect(state).toMatchObject({ lastError: null, consecutiveFailures: 0, accessTokenSet: true });

    f.t.clock.advance(POLL_INTERVAL_MS);
    await f.poll();
    expect(await storedPublications(f, account.id)).toHaveLength(pubs.length);
    expect(await storedInteractions(f, account.id)).toHaveLength(interactions.length);
  });

  it('collects a portal end to end: feed articles into their columns, and letters', async () => {
    const { account, sandboxId } = await addPortal(f, '江城市公安局');
    const history = await seedHistory(f, sandboxId, 30);
    await f.poll();

    const pubs = await storedPublications(f, account.id);
    expect(sorted(pubs.map((p) => p.external_id))).toEqual(
      sorted((await ledger(f, sandboxId)).map((e) => e.externalId)),
    );
    expect(pubs.every((p) => p.column_id !== null)).toBe(true);
    const letters = await storedInteractions(f, account.id);
    expect(letters).toHaveLength(history.letters!);
    expect(letters.every((l) => l.kind === 'letter')).toBe(true);

    // The feed answers 304 to the stored validators: nothing changes, and the stream counts as polled.
    f.t.clock.advance(POLL_INTERVAL_MS);
    await f.poll();
    expect(await storedPublications(f, account.id)).toHaveLength(30);
    expect((await accountState(f, account.id)).lastError).toBeNull();
  });

  it('leaves a publication Sunlight sent exactly as the dispatcher wrote it, matched by external id', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安发送');
    await seedHistory(f, sandboxId, 10, { originalRatio: 0 });
    const [sent] = await ledger(f, sandboxId);
    await f.t.ds.getRepository(PublicationEntity).save({
      accountId: account.id,
      externalId: sent!.externalId,
      kind: 'original',
      title: '阳光发送的稿件',
      text: '正文',
      url: null,
      status: 'published',
      source: 'sunlight',
      idempotencyKey: 'dispatch-1',
      publishedAt: new Date(),
      attempts: 1,
    });
    await f.poll();
    const pubs = await storedPublications(f, account.id);
    expect(pubs).toHaveLength(10);
    expect(pubs.find((p) => p.external_id === sent!.externalId)).toMatchObject({
      source: 'sunlight',
      kind: 'original',
      title: '阳光发送的稿件',
    });
    expect(pubs.filter((p) => p.source === 'imported').every((p) => p.kind === 'forward')).toBe(true);
  });

  it('stores nothing of a page whose cursor moved while it was read', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安游标');
    await seedHistory(f, sandboxId, 30);
    const handler = f.t.app.get(CollectStreamHandler);
    const job = {
      id: 0,
      name: COLLECT_STREAM_JOB,
      payload: JSON.stringify({ accountId: account.id, stream: 'timeline' }),
    } as JobEntity;
    const page = await handler.prepare(job);
    // Another worker stored the stream meanwhile (it cannot, while this job holds the key: defence in depth).
    await f.t.ds.transaction((tx) =>
      f.t.app
        .get(CollectionStateRepository)
        .advanceCursor(tx, account.id, 'timeline', null, '{"since":"1"}', f.t.clock.now()),
    );
    await expect(f.t.ds.transaction((tx) => handler.run(job, tx, page))).rejects.toThrow(/moved/);
    expect(await storedPublications(f, account.id)).toHaveLength(0);
    expect((await accountState(f, account.id)).lastCollectedAt).toBeNull();
  });
});
