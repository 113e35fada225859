import { type Health } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicationEntity } from '../../src/database/entities';
import { dispatchPollJob } from '../../src/modules/dispatch/dispatch-job-specs';
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';
import {
  addPortal,
  addWechat,
  addWeibo,
  type CollectionFixture,
  requestsTo,
  startCollectionFixture,
} from '../collection/support/collection-fixture';
import { testEngines } from '../support/engines';
import {
  dispatchTick,
  dispatchUntilPublished,
  faultWeiboShare,
  expectStatus,
  loseWechatSubmitAnswer,
  postStatus,
  publication,
  queuePublication,
  sentOf,
} from './support/dispatch-fixture';

describe.each(testEngines())('the dispatcher on %s', (engine) => {
  let f: CollectionFixture;
  let weibo: { account: { id: number }; sandboxId: string };

  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'dispatch-send');
    weibo = await addWeibo(f, '平安江城');
  });
  afterAll(() => f?.close());

  const ofTitle = (sandboxId: string, pub: PublicationEntity) => sentOf(f, sandboxId, pub);

  it('sends a due publication to Weibo exactly once and marks the post published', async () => {
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f, 3);
    await dispatchTick(f, 3);
    const row = await publication(f, pub.id);
    expectStatus(row, 'published');
    expect(row.externalId).toBeTruthy();
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(1);
    expect(await postStatus(f, pub.postId!)).toBe('published');
  });

  it('leaves a publication due later alone', async () => {
    const pub = await queuePublication(f, weibo.account.id, { dueAt: new Date(Date.now() + 3600_000) });
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'queued');
  });

  it('publishes to the portal once and to WeChat after polling its asynchronous publish', async () => {
    const portal = await addPortal(f, '江城公安网');
    const wechat = await addWechat(f, '江城公安');
    const p = await queuePublication(f, portal.account.id, { columnCode: 'jwdt' });
    const w = await queuePublication(f, wechat.account.id, { cover: true });
    await dispatchTick(f);
    expectStatus(await publication(f, p.id), 'published');
    expect(await ofTitle(portal.sandboxId, p)).toHaveLength(1);
    await dispatchUntilPublished(f, w.id);
    expectStatus(await publication(f, w.id), 'published');
    expect(await ofTitle(wechat.sandboxId, w)).toHaveLength(1);
  });

  it('never sends a publication cancelled before the claim, even racing several workers', async () => {
    const pub = await queuePublication(f, weibo.account.id);
    const cancelled = f.t.ds
      .getRepository(PublicationEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'cancelled' })
      .where(`id = :id AND status = 'queued'`, { id: pub.id })
      .execute();
    const [res] = await Promise.all([cancelled, dispatchTick(f, 3)]);
    const row = await publication(f, pub.id);
    const wasCancelled = res.affected === 1;
    expectStatus(row, wasCancelled ? 'cancelled' : 'published');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(wasCancelled ? 0 : 1);
  });

  it('never sends a publication cancelled before any worker ticked', async () => {
    const pub = await queuePublication(f, weibo.account.id);
    await f.t.ds.getRepository(PublicationEntity).update(pub.id, { status: 'cancelled' });
    await dispatchTick(f, 2);
    expectStatus(await publication(f, pub.id), 'cancelled');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(0);
  });

  it('shows a due publication no worker has picked up in the health lag', async () => {
    const pub = await queuePublication(f, weibo.account.id, {
      dueAt: new Date(f.t.clock.now().getTime() - 90_000),
    });
    const health = await f.t.client().get<Health>('/api/health');
    expect(health.body.workers.oldestDueLagSeconds).toBeGreaterThanOrEqual(90);
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'published');
    expect((await publication(f, pub.id)).lastError).toContain('迟发');
  });

  it('backs off after a 5xx and then sends once', async () => {
    await faultWeiboShare(f, { kind: 'platformError', code: 10001 });
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    let row = await publication(f, pub.id);
    expectStatus(row, 'queued');
    expect(row.attempts).toBe(1);
    expect(row.dueAt!.getTime()).toBeGreaterThan(f.t.clock.now().getTime());
    f.t.clock.advance(5_000);
    await dispatchTick(f);
    row = await publication(f, pub.id);
    expectStatus(row, 'published');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(1);
    await f.sandbox.clearFaults();
  });

  it('asks the channel after a gateway 5xx to the publish request, then backs off instead of resending at once', async () => {
    await faultWeiboShare(f, { kind: 'status', status: 502 });
    const lookups = () => requestsTo(f, weibo.sandboxId, '/2/statuses/user_timeline.json');
    const before = await lookups();
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    let row = await publication(f, pub.id);
    expectStatus(row, 'queued');
    expect(await lookups()).toBe(before + 1);
    // The first backoff is 1–2 s (jitter): not due at once, so the next tick sends nothing.
    const wait = row.dueAt!.getTime() - f.t.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(1000);
    expect(wait).toBeLessThanOrEqual(2000);
    expect(row.lastError).toContain('HTTP 502');
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'queued');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(0);
    f.t.clock.advance(2_000);
    await dispatchTick(f);
    row = await publication(f, pub.id);
    expectStatus(row, 'published');
    expect(row.attempts).toBe(2);
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(1);
    await f.sandbox.clearFaults();
  });

  it('reconciles a send whose answer was lost instead of sending it again', async () => {
    await faultWeiboShare(f, { kind: 'drop', phase: 'after' });
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'published');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(1);
    await f.sandbox.clearFaults();
  });

  it('waits for a WeChat publish job whose submit answer was lost instead of publishing it twice', async () => {
    const wechat = await addWechat(f, '江城公安失联');
    await loseWechatSubmitAnswer(f);
    const pub = await queuePublication(f, wechat.account.id, { cover: true });
    // The first send fetches a token; the second is submitted and its answer lost while the job is still
    // publishing: in neither the published list nor the draft box, which means nothing yet.
    await dispatchUntilPublished(f, pub.id);
    const row = await publication(f, pub.id);
    expectStatus(row, 'published');
    const entries = await f.t.ds.query<Array<{ action: string }>>(
      'SELECT action FROM post_events WHERE post_id = ? ORDER BY id',
      [pub.postId],
    );
    // 待确认 while the job ran, then found among the published articles.
    expect(entries.map((e) => e.action).slice(-2)).toEqual(['dispatch_pending', 'dispatch_confirmed']);
    expect(await ofTitle(wechat.sandboxId, pub)).toHaveLength(1);
    await f.sandbox.clearFaults();
  });

  it('reconciles a duplicate-content refusal to the publication that went out', async () => {
    await faultWeiboShare(f, { kind: 'platformError', code: 20019, phase: 'after' });
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'published');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(1);
    await f.sandbox.clearFaults();
  });

  it('fails for good with the channel’s words on a permanent refusal', async () => {
    await faultWeiboShare(f, { kind: 'platformError', code: 20012, message: '内容超过长度限制' });
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    const row = await publication(f, pub.id);
    expectStatus(row, 'failed');
    expect(row.failure).toBe('permanent');
    expect(row.lastError).toContain('20012');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(0);
    expect(await postStatus(f, pub.postId!)).toBe('partly_failed');
    await f.sandbox.clearFaults();
  });

  it('takes over a send left by a dead worker by asking the channel first, without a second send', async () => {
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'published');
    // As if the worker died after the channel took it but before it wrote the outcome.
    await f.t.ds.getRepository(PublicationEntity).update(pub.id, { status: 'sending', externalId: null });
    f.t.clock.advance(10 * 60_000);
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'published');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(1);
  });

  it('sends a sending row nobody had sent once on takeover', async () => {
    const pub = await queuePublication(f, weibo.account.id);
    await f.t.ds.getRepository(PublicationEntity).update(pub.id, { status: 'sending' });
    f.t.clock.advance(10 * 60_000);
    await dispatchTick(f);
    expectStatus(await publication(f, pub.id), 'published');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(1);
  });

  it('stops at send time what the gate blocks: a post no longer public', async () => {
    const pub = await queuePublication(f, weibo.account.id, { classification: 'internal' });
    await dispatchTick(f);
    const row = await publication(f, pub.id);
    expectStatus(row, 'failed');
    expect(row.failure).toBe('permanent');
    expect(row.lastError).toContain('公开');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(0);
  });

  it('holds a publication found far past its time for a person instead of sending it', async () => {
    const pub = await queuePublication(f, weibo.account.id, {
      dueAt: new Date(f.t.clock.now().getTime() - 5 * 3600_000),
    });
    await dispatchTick(f);
    const row = await publication(f, pub.id);
    expectStatus(row, 'pending_confirmation');
    expect(await ofTitle(weibo.sandboxId, pub)).toHaveLength(0);
  });

  // Last in the file: it sets the clock back.
  it('sends a WeChat article with no trace again once the publishing window has passed since its send, however often its row was touched', async () => {
    // The database's clock runs an hour ahead of the worker's: updated_at, which the database writes at each
    // settlement to 待确认, tells nothing of when the send was made.
    f.t.clock.advance(Date.now() - f.t.clock.now().getTime() - 3600_000);
    const wechat = await addWechat(f, '江城公安中断');
    await f.poll(); // its access token
    const pub = await queuePublication(f, wechat.account.id, { cover: true });
    // A worker died uploading the cover: nothing reached the platform, and the first look found nothing yet.
    const sentAt = f.t.clock.now();
    await f.t.ds
      .getRepository(PublicationEntity)
      .update(pub.id, { status: 'pending_confirmation', attempts: 1, sentAt, lastError: '发送结果不明' });
    await f.t.app.get(JobsRepository).enqueue([dispatchPollJob(pub.id, 0, sentAt)], sentAt);
    await f.drain();
    expectStatus(await publication(f, pub.id), 'pending_confirmation');
    // Asked every 5 s meanwhile; 15 minutes after the send its absence means it never went out.
    for (let minutes = 0; minutes < 16; minutes += 2) {
      f.t.clock.advance(2 * 60_000);
      await f.drain();
    }
    await dispatchUntilPublished(f, pub.id);
    expectStatus(await publication(f, pub.id), 'published');
    expect(await ofTitle(wechat.sandboxId, pub)).toHaveLength(1);
  });
});
