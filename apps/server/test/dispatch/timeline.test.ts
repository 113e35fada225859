import { type PostEvent, type PostHistory } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicationEntity } from '../../src/database/entities';
import { shanghaiMinute } from '../../src/modules/posts/shanghai-format';
import {
  addPortal,
  addWechat,
  addWeibo,
  type CollectionFixture,
  startCollectionFixture,
} from '../collection/support/collection-fixture';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { onboard } from '../support/users';
import {
  dispatchTick,
  dispatchUntilPublished,
  faultWeiboShare,
  publication,
  queuePublication,
} from './support/dispatch-fixture';

// What the dispatcher did shows on the post's timeline (GET /api/posts/:id/history), one entry per account
// and outcome, in the words the office uses.
describe.each(testEngines())('the dispatcher’s entries on the post timeline on %s', (engine) => {
  let f: CollectionFixture;
  let weibo: { account: { id: number }; sandboxId: string };
  /** The department's 信息员, who reads its posts (the admin does not read content). */
  let editor: ApiClient;

  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'dispatch-timeline');
    weibo = await addWeibo(f, '平安时间线');
    ({ client: editor } = await onboard(f.t, f.admin, {
      username: 'timeline_editor',
      displayName: '时间线信息员',
      departmentId: f.departmentId,
      roles: [{ role: 'editor', departmentId: f.departmentId }],
    }));
  });
  afterAll(() => f?.close());

  async function dispatchEntries(postId: number): Promise<PostEvent[]> {
    const res = await editor.get<PostHistory>(`/api/posts/${postId}/history`);
    expect(res.status).toBe(200);
    return res.body.timeline.filter((e) => e.action.startsWith('dispatch_'));
  }
  const summary = (e: PostEvent) => [e.account?.name, e.action];

  it('says per account when a send failed, when it is tried again and where it was published', async () => {
    const portal = await addPortal(f, '时间线门户');
    const w = await queuePublication(f, weibo.account.id);
    const p = await queuePublication(f, portal.account.id, { columnCode: 'jwdt', postId: w.postId! });
    await faultWeiboShare(f, { kind: 'status', status: 503 });
    await dispatchTick(f);
    const retryAt = (await publication(f, w.id)).dueAt!;
    f.t.clock.advance(2_000);
    await dispatchTick(f);
    await f.sandbox.clearFaults();

    const entries = await dispatchEntries(w.postId!);
    expect(entries.map(summary)).toEqual(
      expect.arrayContaining([
        ['平安时间线', 'dispatch_retry'],
        ['平安时间线', 'dispatch_published'],
        ['时间线门户', 'dispatch_published'],
      ]),
    );
    expect(entries).toHaveLength(3);
    const retry = entries.find((e) => e.action === 'dispatch_retry')!;
    expect(retry.detail).toContain(`将于 ${shanghaiMinute(retryAt).slice(11)} 重试`);
    expect(retry.detail).toContain('HTTP 503');
    expect(retry.account).toMatchObject({ id: weibo.account.id, channel: 'weibo' });
    for (const [pub, id] of [
      [w, weibo.account.id],
      [p, portal.account.id],
    ] as const) {
      const live = entries.find((e) => e.action === 'dispatch_published' && e.account?.id === id)!;
      expect(live.link).toBe((await publication(f, pub.id)).url);
      expect(live.link).toMatch(/^http/);
    }
    // The post is published once every account is; the last entry says so.
    expect(entries.at(-1)!.toStatus).toBe('published');
  });

  it('shows a permanent refusal with the channel’s own words', async () => {
    await faultWeiboShare(f, { kind: 'platformError', code: 20012, message: '内容超过长度限制' });
    const pub = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    await f.sandbox.clearFaults();
    const [failed] = await dispatchEntries(pub.postId!);
    expect(failed).toMatchObject({ action: 'dispatch_failed', link: null, toStatus: 'partly_failed' });
    expect(failed!.detail).toContain('内容超过长度限制');
  });

  it('tells a WeChat article sent (the channel is publishing) from published', async () => {
    const wechat = await addWechat(f, '时间线公众号');
    const pub = await queuePublication(f, wechat.account.id, { cover: true });
    await dispatchTick(f);
    await dispatchUntilPublished(f, pub.id);
    const entries = await dispatchEntries(pub.postId!);
    // A new WeChat account has no token yet: the first send waits for the one it asks for.
    expect(entries.slice(0, -2).map((e) => e.action)).toEqual(['dispatch_retry']);
    expect(entries.slice(-2).map(summary)).toEqual([
      ['时间线公众号', 'dispatch_sent'],
      ['时间线公众号', 'dispatch_published'],
    ]);
    expect(entries.at(-1)!.link).toBe((await publication(f, pub.id)).url);
  });

  it('marks a send held for a person as 待确认, and one found on the channel after a crash as confirmed', async () => {
    const late = await queuePublication(f, weibo.account.id, {
      dueAt: new Date(f.t.clock.now().getTime() - 5 * 3600_000),
    });
    const crashed = await queuePublication(f, weibo.account.id);
    await dispatchTick(f);
    const [pending] = await dispatchEntries(late.postId!);
    expect(pending).toMatchObject({ action: 'dispatch_pending', toStatus: 'scheduled' });
    expect(pending!.detail).toContain('请人工确认');

    // The worker died after the channel took the send, before it wrote the answer.
    await f.t.ds
      .getRepository(PublicationEntity)
      .update(crashed.id, { status: 'sending', externalId: null, url: null, publishedAt: null });
    f.t.clock.advance(10 * 60_000);
    await dispatchTick(f);
    const entries = await dispatchEntries(crashed.postId!);
    expect(entries.map((e) => e.action)).toEqual(['dispatch_published', 'dispatch_confirmed']);
    expect(entries[1]!.link).toBe((await publication(f, crashed.id)).url);
  });
});
