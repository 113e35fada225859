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
} from '../../src/channels/channel-errors';
import type { ChannelAccount, OutgoingPublication } from '../../src/channels/channel.interface';
import { FeedReader } from '../../src/channels/feed/feed-reader';
import { PortalProvider } from '../../src/channels/portal/portal.provider';
import { portalAccount, startChannelSandbox, type ChannelSandbox } from './support/channel-sandbox';
import { drain } from './support/drain';
import { startLocalServer } from './support/local-server';

const DAY_MS = 86_400_000;

let t: ChannelSandbox;
let portal: PortalProvider;
let account: ChannelAccount;
let sandboxId: string;
let n = 0;

const post = (extra: Partial<OutgoingPublication> = {}): OutgoingPublication => ({
  idempotencyKey: `pub-${++n}`,
  kind: 'original',
  title: `关于开展第${n}次“净网”专项行动的通告`,
  body: `<p>第 ${n} 号通告正文</p>`,
  columnCode: 'tzgg',
  author: '江城市公安局',
  ...extra,
});

beforeAll(async () => {
  t = await startChannelSandbox();
  portal = new PortalProvider(t.http, t.clock, new FeedReader(t.http, t.clock));
  ({ account, sandboxId } = await portalAccount(t));
});
afterAll(() => t.close());

describe('portal CMS publishing', () => {
  it('tests the connection: the key through the column list, the name from the feed', async () => {
    await expect(portal.testConnection(account)).resolves.toEqual({
      displayName: '江城市公安局',
      detail: '2 个栏目：警务动态、通知公告 / 2 columns',
    });
    await expect(portal.testConnection({ ...account, secrets: { apiKey: 'wrong' } })).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    await expect(portal.refreshToken()).rejects.toBeInstanceOf(ReauthRequiredError);
  });

  it('publishes to a column, idempotently per idempotency key', async () => {
    const p = post();
    const first = await portal.publish(account, p);
    expect(first).toMatchObject({ state: 'published', externalId: expect.stringMatching(/^\d+$/) as string });
    if (first.state !== 'published') return;
    expect(first.url).toMatch(/\/tzgg\/\d{6}\/t\d{8}_\d+\.html$/);
    // A retry of the same send is answered with the same article.
    await expect(portal.publish(account, p)).resolves.toEqual(first);
    // The same text under another key is a duplicate.
    await expect(portal.publish(account, { ...p, idempotencyKey: 'other' })).rejects.toBeInstanceOf(
      DuplicateContentError,
    );
    const ledger = await t.ctl<{ total: number }>('GET', `/published?account=${sandboxId}`);
    expect(ledger.total).toBe(1);
  });

  it('refuses a missing or unknown column with the CMS text', async () => {
    await expect(portal.publish(account, post({ columnCode: undefined }))).rejects.toBeInstanceOf(
      PermanentError,
    );
    const err = await portal.publish(account, post({ columnCode: 'nope' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).fault).toEqual({ code: '40002', message: '栏目不存在: nope' });
  });

  it('finds a publication by its idempotency key', async () => {
    const p = post();
    const r = await portal.publish(account, p);
    const lookup = {
      idempotencyKey: p.idempotencyKey,
      externalId: null,
      title: p.title,
      body: p.body,
      notBefore: new Date(),
    };
    await expect(portal.fetchPublicationStatus(account, lookup)).resolves.toMatchObject({
      state: 'published',
      externalId: r.externalId,
    });
    await expect(
      portal.fetchPublicationStatus(account, { ...lookup, idempotencyKey: 'never-sent' }),
    ).resolves.toEqual({
      state: 'absent',
    });
  });
});

describe('portal collection', () => {
  let site: ChannelAccount;
  let siteId: string;

  beforeAll(async () => {
    ({ account: site, sandboxId: siteId } = await portalAccount(t, { name: '江北分局' }));
    const now = Date.now();
    await t.ctl('POST', `/accounts/${siteId}/history`, {
      from: shanghaiDayOf(new Date(now - 10 * DAY_MS)),
      to: shanghaiDayOf(new Date(now)),
      count: 30,
    });
  });

  it('collects the site feed with each article’s id and column, then answers 304', async () => {
    const first = await portal.collect(site, 'feed', null);
    expect(first.publications).toHaveLength(30);
    const api = await t.ctl<{ items: { externalId: string }[] }>(
      'GET',
      `/published?account=${siteId}&origin=history`,
    );
    expect(first.publications.map((p) => p.externalId).sort()).toEqual(
      api.items.map((i) => i.externalId).sort(),
    );
    expect(
      first.publications.every((p) => ['jwdt', 'tzgg'].includes(p.columnCode ?? '') && p.kind === 'original'),
    ).toBe(true);
    const again = await portal.collect(site, 'feed', first.cursor);
    expect(again.notModified).toBe(true);
    const fresh = await portal.publish(site, post());
    const next = await portal.collect(site, 'feed', again.cursor);
    expect(next.publications.find((p) => p.externalId === fresh.externalId)).toMatchObject({
      columnCode: 'tzgg',
    });
  });

  it('collects a legacy GB2312 feed with relative links and missing dates', async () => {
    const legacy = await portalAccount(t, { name: '滨江分局', feedStyle: 'legacy' });
    await t.ctl('POST', `/accounts/${legacy.sandboxId}/history`, {
      from: shanghaiDayOf(new Date(Date.now() - 5 * DAY_MS)),
      to: shanghaiDayOf(new Date()),
      count: 12,
    });
    const got = await portal.collect(legacy.account, 'feed', null);
    expect(got.publications).toHaveLength(12);
    for (const p of got.publications) {
      expect(p.url!.startsWith(legacy.account.baseUrl)).toBe(true);
      expect(p.externalId).toMatch(/^\d+$/);
      expect(p.title).not.toContain('\uFFFD');
    }
  });

  it('collects letters in order with since_id, answers one, and refuses a second answer', async () => {
    await t.ctl('POST', '/public/advance', { count: 5, accounts: [siteId], kinds: { letter: 1 } });
    const all = await drain(portal, site, 'letters', null);
    const letters = all.batches.flatMap((b) => b.interactions);
    expect(letters.length).toBeGreaterThanOrEqual(5);
    expect(letters.every((l) => l.kind === 'letter' && l.title && l.text)).toBe(true);
    expect((await portal.collect(site, 'letters', all.cursor)).interactions).toEqual([]);
    // The newest letters are the public's just now, not yet answered.
    const pending = letters[letters.length - 1]!;
    const target = {
      interactionExternalId: pending.externalId,
      publicationExternalId: null,
      replyContext: pending.replyContext,
    };
    await expect(portal.reply(site, target, '您反映的问题已转交辖区派出所办理。')).resolves.toEqual({
      externalId: `letter-${pending.externalId}-reply`,
    });
    await expect(portal.reply(site, target, '再次答复')).rejects.toBeInstanceOf(DuplicateContentError);
  });

  it('reads page views per article and day', async () => {
    await t.ctl('POST', '/public/advance', { count: 40, accounts: [siteId], kinds: { pageview: 1 } });
    const ids = (await portal.collect(site, 'feed', null)).publications.map((p) => p.externalId);
    const samples = await portal.fetchMetrics(site, ids);
    expect(samples.length).toBeGreaterThan(0);
    const today = shanghaiDayOf(new Date());
    expect(samples.some((s) => s.day === today)).toBe(true);
    expect(samples.every((s) => ids.includes(s.externalId) && (s.pageViews ?? 0) > 0)).toBe(true);
  });
});

describe('portal failures', () => {
  const read = () => portal.collect(account, 'letters', null);
  const onSite = (spec: Parameters<ChannelSandbox['fault']>[0]) =>
    t.fault({ account: sandboxId, times: 1, ...spec });

  it('maps key, rate-limit and system errors', async () => {
    await onSite({ kind: 'tokenExpired' });
    await expect(read()).rejects.toBeInstanceOf(ReauthRequiredError);
    await onSite({ kind: 'rateLimit' });
    const limited = (await read().catch((e: unknown) => e)) as RateLimitedError;
    expect(limited).toBeInstanceOf(RateLimitedError);
    // Retry-After: 60
    expect(Math.round((limited.resetAt.getTime() - Date.now()) / 1000)).toBeGreaterThan(55);
    await onSite({ kind: 'platformError' });
    await expect(read()).rejects.toBeInstanceOf(RetryableError);
    await onSite({ kind: 'platformError', endpoint: '/api/cms/articles', method: 'POST' });
    await expect(portal.publish(account, post())).rejects.toBeInstanceOf(OutcomeUnknownError);
  });

  it('maps gateways, timeouts and dropped connections', async () => {
    await onSite({ kind: 'status', status: 502 });
    await expect(read()).rejects.toBeInstanceOf(RetryableError);
    await onSite({ kind: 'timeout', delayMs: 10_000 });
    await expect(read()).rejects.toBeInstanceOf(RetryableError);
    const p = post();
    await onSite({ kind: 'drop', phase: 'after', endpoint: '/api/cms/articles', method: 'POST' });
    await expect(portal.publish(account, p)).rejects.toBeInstanceOf(OutcomeUnknownError);
    // It went through: the lookup finds it, and a resend is answered with the same article.
    const found = await portal.fetchPublicationStatus(account, {
      idempotencyKey: p.idempotencyKey,
      externalId: null,
      title: p.title,
      body: p.body,
      notBefore: new Date(),
    });
    expect(found.state).toBe('published');
    await expect(portal.publish(account, p)).resolves.toMatchObject({
      externalId: found.state === 'published' ? found.externalId : '',
    });
  });

  it('rejects malformed JSON and an unknown stream', async () => {
    const server = await startLocalServer((_req, res) => void res.writeHead(200).end('<html>维护中</html>'));
    try {
      await expect(
        portal.collect({ ...account, baseUrl: server.url }, 'letters', null),
      ).rejects.toBeInstanceOf(MalformedResponseError);
    } finally {
      await server.close();
    }
    await expect(portal.collect(account, 'comments', null)).rejects.toBeInstanceOf(PermanentError);
  });
});
