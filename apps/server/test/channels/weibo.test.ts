import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DuplicateContentError,
  MalformedResponseError,
  OutcomeUnknownError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
} from '../../src/channels/channel-errors';
import type { ChannelAccount } from '../../src/channels/channel.interface';
import { FeedReader } from '../../src/channels/feed/feed-reader';
import { FeedProvider } from '../../src/channels/feed/feed.provider';
import { WeiboOAuth } from '../../src/channels/weibo/weibo-oauth';
import { statusUrl } from '../../src/channels/weibo/weibo-url';
import { WeiboProvider } from '../../src/channels/weibo/weibo.provider';
import { startChannelSandbox, weiboAccount, type ChannelSandbox } from './support/channel-sandbox';
import { drain } from './support/drain';
import { closedPortUrl, startLocalServer } from './support/local-server';

// Sandbox ids are ~1.7e16: beyond 2^53, so a digit lost to JSON.parse shows up as a wrong id.
const INT64_ID = /^\d{16,19}$/;
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(64, 1),
  Buffer.from([0xff, 0xd9]),
]);

let t: ChannelSandbox;
let weibo: WeiboProvider;
let account: ChannelAccount;
let sandboxId: string;
let n = 0;
/** Each post is new text: the sandbox refuses repeats, as Weibo does. */
const text = (what: string) => `${what} ${++n} 详情 http://www.gov.cn/${n}`;

interface Published {
  items: { externalId: string; kind: string; text: string; origin: string }[];
}

beforeAll(async () => {
  t = await startChannelSandbox();
  weibo = new WeiboProvider(t.http, t.clock);
  ({ account, sandboxId } = await weiboAccount(t));
});
afterAll(() => t.close());

describe('Weibo connection and tokens', () => {
  it('tests the connection with get_token_info and users/show', async () => {
    const check = await weibo.testConnection(account);
    expect(check.displayName).toBe('平安江城');
    expect(check.detail).toContain(account.settings.uid);
  });

  it('refuses a token of another user', async () => {
    await expect(weibo.testConnection({ ...account, settings: { uid: '1234567' } })).rejects.toBeInstanceOf(
      PermanentError,
    );
  });

  it('asks for re-authorisation on an unknown, expired or revoked token, and cannot refresh', async () => {
    await expect(weibo.testConnection({ ...account, accessToken: 'nope' })).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    await expect(weibo.collect({ ...account, accessToken: null }, 'timeline', null)).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    await expect(weibo.refreshToken()).rejects.toBeInstanceOf(ReauthRequiredError);
    const other = await weiboAccount(t, { name: '过期账号' });
    await t.ctl('POST', `/accounts/${other.sandboxId}/expire-tokens`);
    const err = await weibo.collect(other.account, 'timeline', null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReauthRequiredError);
    expect((err as ReauthRequiredError).fault.code).toBe('21327');
  });

  it('runs the authorisation-code flow', async () => {
    const oauth = new WeiboOAuth(t.http, t.clock);
    const app = {
      baseUrl: account.baseUrl,
      appKey: account.secrets.appKey!,
      redirectUri: 'http://localhost/cb',
    };
    // Every sandbox account shares the seed's app: the operator picks the user (uid=) on the chooser page.
    const authorize = new URL(oauth.authorizeUrl(app, 'st8'));
    authorize.searchParams.set('uid', account.settings.uid!);
    const res = await fetch(authorize, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('st8');
    const grant = await oauth.exchangeCode(
      app,
      account.secrets.appSecret!,
      location.searchParams.get('code')!,
    );
    expect(grant.uid).toBe(account.settings.uid);
    expect(grant.expiresAt.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    await expect(weibo.testConnection({ ...account, accessToken: grant.accessToken })).resolves.toBeTruthy();
    // A code is good once.
    await expect(
      oauth.exchangeCode(app, account.secrets.appSecret!, location.searchParams.get('code')!),
    ).rejects.toBeInstanceOf(PermanentError);
  });
});

describe('Weibo publishing', () => {
  it('shares an original with its string id, and a picture as multipart', async () => {
    const plain = await weibo.publish(account, {
      idempotencyKey: 'k1',
      kind: 'original',
      title: '',
      body: text('通报'),
    });
    const withPic = await weibo.publish(account, {
      idempotencyKey: 'k2',
      kind: 'original',
      title: '',
      body: text('图片'),
      images: [{ fileName: 'a.jpg', contentType: 'image/jpeg', data: JPEG }],
      operatorIp: '10.1.2.3',
    });
    for (const r of [plain, withPic]) {
      expect(r.state).toBe('published');
      if (r.state !== 'published') continue;
      expect(r.externalId).toMatch(INT64_ID);
      expect(r.url).toMatch(new RegExp(`^https://weibo.com/${account.settings.uid}/[0-9a-zA-Z]+$`));
    }
    const ledger = await t.ctl<Published>('GET', `/published?account=${sandboxId}&kind=original`);
    expect(ledger.items.map((i) => i.externalId)).toEqual(
      expect.arrayContaining([plain, withPic].map((r) => (r.state === 'published' ? r.externalId : ''))),
    );
  });

  it('forwards a status and collects it as 转发', async () => {
    const { account: other } = await weiboAccount(t, { name: '江城发布' });
    const source = await weibo.publish(other, {
      idempotencyKey: 's',
      kind: 'original',
      title: '',
      body: text('原文'),
    });
    if (source.state !== 'published') throw new Error('not published');
    const fwd = await weibo.publish(account, {
      idempotencyKey: 'f',
      kind: 'forward',
      title: '',
      body: '转发扩散',
      forwardOf: source.externalId,
    });
    expect(fwd.state).toBe('published');
    const { batches } = await drain(weibo, account, 'timeline', null);
    const seen = batches
      .flatMap((b) => b.publications)
      .find((p) => fwd.state === 'published' && p.externalId === fwd.externalId);
    expect(seen).toMatchObject({ kind: 'forward', forwardOf: source.externalId, text: '转发扩散' });
    await expect(
      weibo.publish(account, { idempotencyKey: 'f2', kind: 'forward', title: '', body: 'x' }),
    ).rejects.toBeInstanceOf(PermanentError);
  });

  it('reports repeated content as DuplicateContentError', async () => {
    const body = text('重复');
    await weibo.publish(account, { idempotencyKey: 'd1', kind: 'original', title: '', body });
    const err = await weibo
      .publish(account, { idempotencyKey: 'd1', kind: 'original', title: '', body })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DuplicateContentError);
    expect((err as DuplicateContentError).fault.code).toBe('20111');
  });

  it('keeps the platform text of a permanent refusal', async () => {
    const err = await weibo
      .publish(account, { idempotencyKey: 'x', kind: 'original', title: '', body: '没有链接的微博' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).fault).toEqual({ code: '10017', message: 'appkey not bind domain!' });
  });

  it('finds a publication by id or by its text on the own timeline', async () => {
    const notBefore = new Date(Date.now() - 1000);
    const body = text('对账');
    const r = await weibo.publish(account, { idempotencyKey: 'r', kind: 'original', title: '', body });
    if (r.state !== 'published') throw new Error('not published');
    const lookup = { idempotencyKey: 'r', externalId: null, title: '', body, notBefore };
    await expect(
      weibo.fetchPublicationStatus(account, { ...lookup, externalId: r.externalId }),
    ).resolves.toMatchObject({
      state: 'published',
      externalId: r.externalId,
    });
    await expect(weibo.fetchPublicationStatus(account, lookup)).resolves.toMatchObject({
      externalId: r.externalId,
    });
    await expect(weibo.fetchPublicationStatus(account, { ...lookup, body: '从未发出' })).resolves.toEqual({
      state: 'absent',
    });
    await expect(
      weibo.fetchPublicationStatus(account, { ...lookup, externalId: '4999999999999999' }),
    ).resolves.toEqual({ state: 'absent' });
  });
});

describe('Weibo collection', () => {
  let history: ChannelAccount;
  let historyId: string;

  beforeAll(async () => {
    ({ account: history, sandboxId: historyId } = await weiboAccount(t, { name: '江北警方' }));
    await t.ctl('POST', `/accounts/${historyId}/history`, {
      from: '2024-01-01',
      to: '2024-03-31',
      count: 230,
    });
  });

  it('walks the whole timeline in pages without gaps or repeats, then only what is new', async () => {
    const { batches, cursor } = await drain(weibo, history, 'timeline', null);
    const first = { out: batches, cursor };
    expect(first.out.length).toBeGreaterThan(2);
    const ids = first.out.flatMap((b) => b.publications.map((p) => p.externalId));
    expect(new Set(ids).size).toBe(ids.length);
    const ledger = await t.ctl<Published>('GET', `/published?account=${historyId}&origin=history`);
    expect(ids.sort()).toEqual(ledger.items.map((i) => i.externalId).sort());
    // Kinds follow retweeted_status, matching what the sandbox recorded.
    const kinds = new Map(ledger.items.map((i) => [i.externalId, i.kind]));
    for (const p of first.out.flatMap((b) => b.publications)) expect(p.kind).toBe(kinds.get(p.externalId));
    expect(first.out[0]!.publications[0]!.publishedAt.getTime()).toBeGreaterThan(
      Date.parse('2023-12-31T16:00:00Z'),
    );

    const again = await weibo.collect(history, 'timeline', first.cursor);
    expect(again).toMatchObject({ publications: [], more: false });
    const fresh = await weibo.publish(history, {
      idempotencyKey: 'n',
      kind: 'original',
      title: '',
      body: text('新帖'),
    });
    const next = await weibo.collect(history, 'timeline', again.cursor);
    expect(next.publications.map((p) => p.externalId)).toEqual([fresh.externalId]);
  });

  it('finds a send without an id however deep it lies under later statuses', async () => {
    const ledger = await t.ctl<Published>('GET', `/published?account=${historyId}&origin=history`);
    // Seeded history repeats its wording (the API refuses repeats): the oldest status of a wording said once.
    const once = ledger.items.filter((i) => ledger.items.filter((j) => j.text === i.text).length === 1);
    const oldest = once.reduce((a, b) => (BigInt(b.externalId) < BigInt(a.externalId) ? b : a));
    const newer = ledger.items.filter((i) => BigInt(i.externalId) > BigInt(oldest.externalId));
    // 100 statuses a page: it lies behind the first page of the timeline.
    expect(newer.length).toBeGreaterThan(100);
    const lookup = {
      idempotencyKey: 'deep',
      externalId: null,
      title: '',
      body: oldest.text,
      notBefore: new Date('2024-01-01T00:00:00+08:00'),
    };
    await expect(weibo.fetchPublicationStatus(history, lookup)).resolves.toMatchObject({
      state: 'published',
      externalId: oldest.externalId,
    });
    await expect(
      weibo.fetchPublicationStatus(history, { ...lookup, body: '从未发出的微博' }),
    ).resolves.toEqual({
      state: 'absent',
    });
  });

  it('collects comments and replies, mentions and reposts from the simulated public', async () => {
    await t.ctl('POST', '/public/advance', {
      count: 40,
      accounts: [historyId],
      kinds: { comment: 3, mention: 1, repost: 1 },
    });
    const comments = (await drain(weibo, history, 'comments', null)).batches.flatMap((b) => b.interactions);
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((c) => c.kind === 'comment' && c.parentExternalId === null)).toBe(true);
    for (const c of comments) {
      expect(c.externalId).toMatch(INT64_ID);
      expect(c.publicationExternalId).toMatch(INT64_ID);
      expect(c.authorName).toBeTruthy();
    }
    const mentions = (await drain(weibo, history, 'mentions', null)).batches.flatMap((b) => b.interactions);
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.every((m) => m.kind === 'mention' && m.text.includes('@江北警方'))).toBe(true);

    const first = await drain(weibo, history, 'reposts', null);
    const reposts = first.batches.flatMap((b) => b.interactions);
    expect(reposts.length).toBeGreaterThan(0);
    expect(reposts.every((r) => r.kind === 'repost' && INT64_ID.test(r.publicationExternalId ?? ''))).toBe(
      true,
    );
    // Nothing new: the next run only reads the timeline.
    const again = await weibo.collect(history, 'reposts', first.cursor);
    expect(again.interactions).toEqual([]);
  });

  it('replies to a comment and comments on a mention', async () => {
    const comments = (await drain(weibo, history, 'comments', null)).batches.flatMap((b) => b.interactions);
    const c = comments.find((x) => x.kind === 'comment')!;
    const r = await weibo.reply(
      history,
      { interactionExternalId: c.externalId, publicationExternalId: null, replyContext: c.replyContext },
      '感谢关注',
    );
    expect(r.externalId).toMatch(INT64_ID);
    const mention = (await drain(weibo, history, 'mentions', null)).batches.flatMap(
      (b) => b.interactions,
    )[0]!;
    await expect(
      weibo.reply(
        history,
        {
          interactionExternalId: mention.externalId,
          publicationExternalId: null,
          replyContext: mention.replyContext,
        },
        '已转交',
      ),
    ).resolves.toBeTruthy();
    const ledger = await t.ctl<Published>('GET', `/published?account=${historyId}&kind=reply,comment`);
    expect(ledger.items.map((i) => i.text)).toEqual(
      expect.arrayContaining(['回复@' + c.authorName + ':感谢关注', '已转交']),
    );
    // The public answers our reply: a 回复 whose parent is our comment.
    const before = (await drain(weibo, history, 'comments', null)).cursor;
    await t.ctl('POST', '/public/advance', { count: 3, accounts: [historyId], kinds: { reply: 1 } });
    const followUps = (await drain(weibo, history, 'comments', before)).batches.flatMap(
      (b) => b.interactions,
    );
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((f) => f.kind === 'reply' && f.parentExternalId !== null)).toBe(true);
  });

  it('finds its own uid when the account has none set', async () => {
    const { uid: _uid, ...rest } = history.settings;
    const batch = await weibo.collect({ ...history, settings: rest }, 'mentions', null);
    expect(batch.interactions.length).toBeGreaterThan(0);
  });

  it('agrees with the RSSHub route of the same timeline on 原创 and 转发', async () => {
    const feeds = new FeedProvider(new FeedReader(t.http, t.clock));
    const url = `${t.url}/rsshub/weibo/user/${history.settings.uid}?limit=50`;
    const items = await feeds.collect({ ...history, channel: 'feed', settings: { url } }, 'items', null);
    expect(items.publications.length).toBe(50);
    const ledger = await t.ctl<Published>('GET', `/published?account=${historyId}&origin=all`);
    const kindByLink = new Map(
      ledger.items.map((i) => [statusUrl(history.settings.uid!, i.externalId), i.kind]),
    );
    for (const p of items.publications) expect(p.kind).toBe(kindByLink.get(p.url));
  });

  it('reads counts for up to 100 ids a call, accepting attitudes as likes', async () => {
    const ids = (await drain(weibo, history, 'timeline', null)).batches.flatMap((b) =>
      b.publications.map((p) => p.externalId),
    );
    expect(ids.length).toBeGreaterThan(100);
    const samples = await weibo.fetchMetrics(history, ids);
    expect(samples).toHaveLength(ids.length);
    const withLikes = samples.filter((s) => (s.likes ?? 0) > 0);
    expect(withLikes.length).toBeGreaterThan(0);
    expect(await weibo.fetchMetrics(history, ['4999999999999999'])).toEqual([]);
  });
});

describe('Weibo failures', () => {
  afterAll(() => t.clearFaults());
  const timeline = () => weibo.collect(account, 'timeline', null);
  const post = () =>
    weibo.publish(account, { idempotencyKey: 'p', kind: 'original', title: '', body: text('故障') });
  const onAccount = (spec: Parameters<ChannelSandbox['fault']>[0]) =>
    t.fault({ account: sandboxId, times: 1, ...spec });

  it('maps rate limits to RateLimitedError at the next hour', async () => {
    for (const code of [10022, 10023, 10024, 20016]) {
      await onAccount({ kind: 'rateLimit', code });
      const err = await timeline().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RateLimitedError);
      const reset = (err as RateLimitedError).resetAt;
      expect(reset.getUTCMinutes()).toBe(0);
      expect(reset.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    }
  });

  it('maps token faults to ReauthRequiredError', async () => {
    for (const code of [21315, 21327]) {
      await onAccount({ kind: 'tokenExpired', code });
      await expect(timeline()).rejects.toBeInstanceOf(ReauthRequiredError);
    }
  });

  it('maps system errors and gateway pages', async () => {
    await onAccount({ kind: 'platformError', code: 10001 });
    await expect(timeline()).rejects.toBeInstanceOf(RetryableError);
    await onAccount({ kind: 'platformError', code: 10002 });
    await expect(post()).rejects.toBeInstanceOf(RetryableError);
    await onAccount({ kind: 'status', status: 502 });
    await expect(timeline()).rejects.toBeInstanceOf(RetryableError);
    // A write behind a failing gateway may have gone through.
    await onAccount({ kind: 'status', status: 502, phase: 'after', endpoint: '/2/statuses/share.json' });
    await expect(post()).rejects.toBeInstanceOf(OutcomeUnknownError);
  });

  it('treats timeouts and dropped connections by whether a write had been sent', async () => {
    await onAccount({ kind: 'timeout', delayMs: 10_000 });
    const started = Date.now();
    await expect(timeline()).rejects.toBeInstanceOf(RetryableError);
    expect(Date.now() - started).toBeLessThan(5000);
    await onAccount({ kind: 'timeout', delayMs: 10_000, phase: 'after', endpoint: '/2/statuses/share.json' });
    await expect(post()).rejects.toBeInstanceOf(OutcomeUnknownError);
    await onAccount({ kind: 'drop' });
    await expect(timeline()).rejects.toBeInstanceOf(RetryableError);
    await onAccount({ kind: 'drop', endpoint: '/2/statuses/share.json' });
    await expect(post()).rejects.toBeInstanceOf(OutcomeUnknownError);
  });

  it('is retryable when the host does not resolve', async () => {
    const nowhere = { ...account, baseUrl: 'http://weibo-api.invalid' };
    await expect(
      weibo.publish(nowhere, { idempotencyKey: 'dns', kind: 'original', title: '', body: text('x') }),
    ).rejects.toBeInstanceOf(RetryableError);
  });

  it('is retryable when nothing listens, even for a write', async () => {
    const gone = { ...account, baseUrl: await closedPortUrl() };
    await expect(
      weibo.publish(gone, { idempotencyKey: 'g', kind: 'original', title: '', body: text('x') }),
    ).rejects.toBeInstanceOf(RetryableError);
  });

  it('rejects malformed JSON', async () => {
    const server = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"statuses": [');
    });
    try {
      await expect(
        weibo.collect({ ...account, baseUrl: server.url }, 'timeline', null),
      ).rejects.toBeInstanceOf(MalformedResponseError);
    } finally {
      await server.close();
    }
  });

  it('rejects an unknown stream', async () => {
    await expect(weibo.collect(account, 'nope', null)).rejects.toBeInstanceOf(PermanentError);
  });
});
