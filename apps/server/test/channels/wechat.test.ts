import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDayOf } from '../../src/common/shanghai-time';
import {
  DuplicateContentError,
  MalformedResponseError,
  OutcomeUnknownError,
  PermanentError,
  RateLimitedError,
  ReauthRequiredError,
  RetryableError,
  TokenExpiredError,
} from '../../src/channels/channel-errors';
import type { ChannelAccount, OutgoingPublication } from '../../src/channels/channel.interface';
import { WechatProvider } from '../../src/channels/wechat/wechat.provider';
import {
  eventually,
  startChannelSandbox,
  wechatAccount,
  type ChannelSandbox,
} from './support/channel-sandbox';
import { drain } from './support/drain';
import { startLocalServer } from './support/local-server';

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(64, 1),
  Buffer.from([0xff, 0xd9]),
]);
const ARTICLE_ID = /^\d+_\d+$/;
const DAY_MS = 86_400_000;

let t: ChannelSandbox;
let wechat: WechatProvider;
let account: ChannelAccount;
let sandboxId: string;
let n = 0;

const article = (extra: Partial<OutgoingPublication> = {}): OutgoingPublication => ({
  idempotencyKey: `k${++n}`,
  kind: 'original',
  title: `警情通报 第${n}期`,
  body: `<p>第 ${n} 期正文</p>`,
  author: '江城公安',
  images: [{ fileName: 'cover.jpg', contentType: 'image/jpeg', data: JPEG }],
  ...extra,
});

async function withToken(a: ChannelAccount): Promise<ChannelAccount> {
  return { ...a, accessToken: (await wechat.refreshToken(a)).accessToken };
}

async function published(a: ChannelAccount, pending: string) {
  const lookup = { idempotencyKey: '', externalId: pending, title: '', body: '', notBefore: new Date() };
  return eventually(async () => {
    const s = await wechat.fetchPublicationStatus(a, lookup);
    return s.state === 'pending' ? undefined : s;
  });
}

/** A send whose submit reached the platform and whose answer was lost on the way back. */
async function publishLosingSubmitAnswer(a: OutgoingPublication): Promise<void> {
  await t.fault({
    account: sandboxId,
    endpoint: '/cgi-bin/freepublish/submit',
    kind: 'drop',
    phase: 'after',
    times: 1,
  });
  await expect(wechat.publish(account, a)).rejects.toBeInstanceOf(OutcomeUnknownError);
}

const lookupOf = (a: OutgoingPublication, notBefore: Date) => ({
  idempotencyKey: a.idempotencyKey,
  externalId: null,
  title: a.title,
  body: a.body,
  notBefore,
});

/** Asks until the lookup finds the article published (the job ends after the sandbox's publishing delay). */
function foundPublished(lookup: ReturnType<typeof lookupOf>) {
  return eventually(async () => {
    const s = await wechat.fetchPublicationStatus(account, lookup).catch(() => undefined);
    return s?.state === 'published' ? s : undefined;
  });
}

beforeAll(async () => {
  t = await startChannelSandbox();
  wechat = new WechatProvider(t.http, t.clock);
  const created = await wechatAccount(t);
  sandboxId = created.sandboxId;
  account = await withToken(created.account);
});
afterAll(() => t.close());

describe('WeChat tokens and connection', () => {
  it('gets a token with its expiry', async () => {
    const grant = await wechat.refreshToken(account);
    expect(grant.accessToken.length).toBeGreaterThan(10);
    expect(grant.expiresAt.getTime() - Date.now()).toBeGreaterThan(7000_000);
    account = { ...account, accessToken: grant.accessToken };
  });

  it('tests the connection without retiring the workers token', async () => {
    const check = await wechat.testConnection(account);
    expect(check.displayName).toBe(`公众号 ${account.settings.appid}`);
    await expect(wechat.collect(account, 'articles', null)).resolves.toBeTruthy();
  });

  it('wants a person for a wrong appid or secret, and a refresh for a missing or expired token', async () => {
    await expect(wechat.refreshToken({ ...account, secrets: { secret: 'wrong' } })).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    await expect(wechat.refreshToken({ ...account, settings: { appid: 'wx0000' } })).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    await expect(wechat.refreshToken({ ...account, secrets: {} })).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    await expect(wechat.collect({ ...account, accessToken: null }, 'articles', null)).rejects.toBeInstanceOf(
      TokenExpiredError,
    );
    await expect(
      wechat.collect({ ...account, accessToken: 'stale' }, 'articles', null),
    ).rejects.toBeInstanceOf(TokenExpiredError);
  });
});

describe('WeChat publishing', () => {
  it('publishes through a draft and free-publish, pending until the job ends', async () => {
    const r = await wechat.publish(
      account,
      article({
        images: [
          { fileName: 'c.jpg', contentType: 'image/jpeg', data: JPEG },
          { fileName: 'i.png', contentType: 'image/jpeg', data: JPEG },
        ],
      }),
    );
    expect(r).toMatchObject({ state: 'pending', externalId: expect.stringMatching(/^\d+$/) as string });
    const done = await published(account, r.externalId);
    expect(done).toMatchObject({
      state: 'published',
      externalId: expect.stringMatching(ARTICLE_ID) as string,
    });
    if (done.state !== 'published') return;
    const page = await fetch(done.url!);
    expect(await page.text()).toContain('/mmbiz_');
  });

  it('needs a cover image', async () => {
    await expect(wechat.publish(account, article({ images: [] }))).rejects.toBeInstanceOf(PermanentError);
  });

  it('reports a failed job with its reason', async () => {
    await t.fault({
      account: sandboxId,
      endpoint: '/cgi-bin/freepublish/submit',
      kind: 'publishOutcome',
      publishStatus: 4,
      times: 1,
    });
    const r = await wechat.publish(account, article());
    const done = await published(account, r.externalId);
    expect(done).toMatchObject({ state: 'failed', reason: expect.stringContaining('审核') as string });
    await expect(
      wechat.fetchPublicationStatus(account, {
        idempotencyKey: '',
        externalId: '999',
        title: '',
        body: '',
        notBefore: new Date(),
      }),
    ).resolves.toEqual({ state: 'absent' });
  });

  it('finds a send whose answer was lost, or says it is still a draft', async () => {
    const notBefore = new Date();
    const lost = article();
    await publishLosingSubmitAnswer(lost);
    const lookup = lookupOf(lost, notBefore);
    // Submitted but not finished: neither published nor a draft any more.
    await expect(wechat.fetchPublicationStatus(account, lookup)).rejects.toBeInstanceOf(RetryableError);
    const found = await foundPublished(lookup);
    expect(found.state === 'published' && found.externalId).toMatch(ARTICLE_ID);

    const never = article();
    await t.fault({
      account: sandboxId,
      endpoint: '/cgi-bin/freepublish/submit',
      kind: 'status',
      status: 502,
      times: 1,
    });
    await expect(wechat.publish(account, never)).rejects.toBeInstanceOf(OutcomeUnknownError);
    await expect(wechat.fetchPublicationStatus(account, { ...lookup, title: never.title })).resolves.toEqual({
      state: 'absent',
    });
  });
});

describe('WeChat stray drafts', () => {
  it('removes the draft an earlier attempt left, so it cannot hide a job still publishing', async () => {
    const notBefore = new Date();
    const a = article();
    // Attempt 1 loses the answer to draft/add each of the three times it tries: three drafts exist, nothing
    // was submitted.
    await t.fault({
      account: sandboxId,
      endpoint: '/cgi-bin/draft/add',
      kind: 'drop',
      phase: 'after',
      times: 3,
    });
    await expect(wechat.publish(account, a)).rejects.toBeInstanceOf(RetryableError);
    // Attempt 2 loses the answer to its first delete of a stray, so it deletes that draft twice (40007)…
    await t.fault({
      account: sandboxId,
      endpoint: '/cgi-bin/draft/delete',
      kind: 'drop',
      phase: 'after',
      times: 1,
    });
    // …and the answer to its submit: its job is publishing, its own draft has left the box.
    await publishLosingSubmitAnswer(a);
    const lookup = lookupOf(a, notBefore);
    // Attempt 1's draft would read as "never submitted", and the article would go out twice.
    await expect(wechat.fetchPublicationStatus(account, lookup)).rejects.toBeInstanceOf(RetryableError);
    const found = await foundPublished(lookup);
    expect(found.state).toBe('published');
    const ledger = await t.ctl<{ items: { title: string | null }[] }>(
      'GET',
      `/published?account=${sandboxId}&origin=api`,
    );
    expect(ledger.items.filter((i) => i.title === a.title)).toHaveLength(1);
  });
});

describe('WeChat draft gone at submit', () => {
  it('asks the channel instead of giving up when the submit finds its draft gone', async () => {
    await t.fault({
      account: sandboxId,
      endpoint: '/cgi-bin/freepublish/submit',
      kind: 'platformError',
      code: 40007,
      times: 1,
    });
    await expect(wechat.publish(account, article())).rejects.toBeInstanceOf(OutcomeUnknownError);
  });
});

describe('WeChat publishing window', () => {
  it('takes a send with no trace for absent only once the configured window has passed', async () => {
    const windowMs = 400;
    const short = new WechatProvider(t.http, t.clock, windowMs);
    // A worker killed while uploading the cover: no draft, nothing submitted, no id.
    const lookup = {
      idempotencyKey: 'gone',
      externalId: null,
      title: '上传封面时中断的图文',
      body: '',
      notBefore: new Date(),
      sentAt: new Date(),
    };
    await expect(short.fetchPublicationStatus(account, lookup)).rejects.toBeInstanceOf(RetryableError);
    await new Promise((r) => setTimeout(r, windowMs + 50));
    await expect(short.fetchPublicationStatus(account, lookup)).resolves.toEqual({ state: 'absent' });
    // The default window is the platform's 15 minutes.
    await expect(wechat.fetchPublicationStatus(account, lookup)).rejects.toBeInstanceOf(RetryableError);
  });
});

describe('WeChat collection', () => {
  let history: ChannelAccount;
  let historyId: string;

  beforeAll(async () => {
    const created = await wechatAccount(t, { name: '东湖警方' });
    historyId = created.sandboxId;
    history = await withToken(created.account);
    const now = Date.now();
    await t.ctl('POST', `/accounts/${historyId}/history`, {
      from: shanghaiDayOf(new Date(now - 20 * DAY_MS)),
      to: shanghaiDayOf(new Date(now)),
      count: 45,
      commentsPerPost: 3,
    });
  });

  it('collects every published article once, under its msg_data_id and index', async () => {
    const first = await drain(wechat, history, 'articles', null);
    const pubs = first.batches.flatMap((b) => b.publications);
    expect(first.batches.length).toBeGreaterThan(2);
    const ids = pubs.map((p) => p.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ARTICLE_ID.test(id))).toBe(true);
    const ledger = await t.ctl<{ items: { title: string }[] }>(
      'GET',
      `/published?account=${historyId}&origin=history`,
    );
    const titles = ledger.items.flatMap((i) => i.title.split(' | '));
    expect(pubs.map((p) => p.title).sort()).toEqual(titles.sort());
    expect(pubs.every((p) => p.kind === 'unclassified' && p.text.length > 0 && p.url)).toBe(true);

    const again = await wechat.collect(history, 'articles', first.cursor);
    const r = await wechat.publish(history, article());
    await published(history, r.externalId);
    const next = await drain(wechat, history, 'articles', again.cursor);
    const fresh = next.batches.flatMap((b) => b.publications).filter((p) => !ids.includes(p.externalId));
    expect(fresh.map((p) => p.title)).toEqual([`警情通报 第${n}期`]);
  });

  it('finds a send without an id however deep it lies under later messages', async () => {
    const ledger = await t.ctl<{ items: { title: string; createdAt: string }[] }>(
      'GET',
      `/published?account=${historyId}&origin=history`,
    );
    const at = (i: { createdAt: string }) => Date.parse(i.createdAt);
    const oldest = ledger.items.reduce((a, b) => (at(b) < at(a) ? b : a));
    // 20 messages a page: it lies behind the first page of the published list.
    expect(ledger.items.filter((i) => at(i) > at(oldest)).length).toBeGreaterThan(20);
    const lookup = {
      idempotencyKey: 'deep',
      externalId: null,
      title: oldest.title.split(' | ')[0]!,
      body: '',
      notBefore: new Date(Date.now() - 21 * DAY_MS),
    };
    const found = await wechat.fetchPublicationStatus(history, lookup);
    expect(found.state === 'published' && found.externalId).toMatch(ARTICLE_ID);
  });

  it('collects comments per article, then only new ones, and answers one', async () => {
    const first = await drain(wechat, history, 'comments', null);
    const comments = first.batches.flatMap((b) => b.interactions);
    expect(comments.length).toBeGreaterThan(5);
    for (const c of comments) {
      expect(c.kind).toBe('comment');
      expect(c.publicationExternalId).toMatch(ARTICLE_ID);
      expect(c.replyContext).toMatchObject({
        msgDataId: expect.any(String) as string,
        idx: expect.any(String) as string,
      });
    }
    expect((await wechat.collect(history, 'comments', first.cursor)).interactions).toEqual([]);
    await t.ctl('POST', '/public/advance', { count: 6, accounts: [historyId], kinds: { comment: 1 } });
    const next = (await drain(wechat, history, 'comments', first.cursor)).batches.flatMap(
      (b) => b.interactions,
    );
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((c) => !comments.some((o) => o.externalId === c.externalId))).toBe(true);

    const target = {
      interactionExternalId: next[0]!.externalId,
      publicationExternalId: null,
      replyContext: next[0]!.replyContext,
    };
    await expect(wechat.reply(history, target, '感谢留言，已转交')).resolves.toEqual({
      externalId: `${next[0]!.externalId}:reply`,
    });
    await expect(wechat.reply(history, target, '再次回复')).rejects.toBeInstanceOf(DuplicateContentError);
    await expect(
      wechat.reply(history, { ...target, replyContext: { openid: 'o1' } }, 'x'),
    ).rejects.toBeInstanceOf(PermanentError);
  });

  it('reads daily article statistics of the last week from the datacube', async () => {
    const ids = (await drain(wechat, history, 'articles', null)).batches.flatMap((b) =>
      b.publications.map((p) => p.externalId),
    );
    const samples = await wechat.fetchMetrics(history, ids);
    expect(samples.length).toBeGreaterThan(0);
    const yesterday = shanghaiDayOf(new Date(Date.now() - DAY_MS));
    for (const s of samples) {
      expect(ids).toContain(s.externalId);
      expect(s.day! <= yesterday).toBe(true);
      expect(s.reads).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('WeChat failures', () => {
  const read = () => wechat.collect(account, 'articles', null);
  const onAccount = (spec: Parameters<ChannelSandbox['fault']>[0]) =>
    t.fault({ account: sandboxId, times: 1, ...spec });

  it('maps errcodes to error classes', async () => {
    await onAccount({ kind: 'tokenExpired' });
    await expect(read()).rejects.toBeInstanceOf(TokenExpiredError);
    await onAccount({ kind: 'platformError', code: -1 });
    await expect(read()).rejects.toBeInstanceOf(RetryableError);
    await onAccount({ kind: 'platformError', code: 40164 });
    await expect(read()).rejects.toBeInstanceOf(ReauthRequiredError);
    await onAccount({ kind: 'platformError', code: 48001, message: 'api unauthorized' });
    const err = await read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    // The platform's own words, request id included, for the operator.
    expect((err as PermanentError).fault).toEqual({
      code: '48001',
      message: expect.stringMatching(/^api unauthorized.* rid: /) as string,
    });
  });

  it('maps quotas to RateLimitedError with the reset time', async () => {
    await onAccount({ kind: 'rateLimit' });
    const daily = (await read().catch((e: unknown) => e)) as RateLimitedError;
    expect(daily).toBeInstanceOf(RateLimitedError);
    // 45009 is a daily quota: it opens again at Beijing midnight.
    expect(shanghaiDayOf(daily.resetAt)).not.toBe(shanghaiDayOf(new Date()));
    expect(new Date(daily.resetAt.getTime() - 1).toISOString().slice(11)).toBe('15:59:59.999Z');
    for (const code of [45011, 45066, 53501]) {
      await onAccount({ kind: 'rateLimit', code });
      const e = (await read().catch((x: unknown) => x)) as RateLimitedError;
      expect(e).toBeInstanceOf(RateLimitedError);
      expect(e.resetAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    }
  });

  it('maps gateways, timeouts and dropped connections', async () => {
    await onAccount({ kind: 'status', status: 503 });
    await expect(read()).rejects.toBeInstanceOf(RetryableError);
    await onAccount({ kind: 'timeout', delayMs: 10_000 });
    await expect(read()).rejects.toBeInstanceOf(RetryableError);
    // Before the submit nothing is published: a lost answer there is tried again at once, twice, then is
    // only worth a later attempt — never a search of what went out.
    await onAccount({ kind: 'drop', endpoint: '/cgi-bin/draft/add' });
    await expect(wechat.publish(account, article())).resolves.toMatchObject({ state: 'pending' });
    await onAccount({ kind: 'drop', endpoint: '/cgi-bin/draft/add', times: 3 });
    await expect(wechat.publish(account, article())).rejects.toBeInstanceOf(RetryableError);
    await onAccount({
      kind: 'timeout',
      delayMs: 10_000,
      endpoint: '/cgi-bin/freepublish/submit',
      phase: 'after',
    });
    await expect(wechat.publish(account, article())).rejects.toBeInstanceOf(OutcomeUnknownError);
  });

  it('rejects malformed JSON and an unknown stream', async () => {
    const server = await startLocalServer(
      (_req, res) => void res.writeHead(200).end('{"total_count": 1, "item": ['),
    );
    try {
      await expect(
        wechat.collect({ ...account, baseUrl: server.url }, 'articles', null),
      ).rejects.toBeInstanceOf(MalformedResponseError);
    } finally {
      await server.close();
    }
    await expect(wechat.collect(account, 'messages', null)).rejects.toBeInstanceOf(PermanentError);
  });
});
