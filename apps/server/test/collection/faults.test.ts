import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextHour } from '../../src/channels/weibo/weibo-errors';
import { BACKOFF_BASE_MS, PERMANENT_PAUSE_MS } from '../../src/modules/collection/collection-failure';
import { testEngines } from '../support/engines';
import {
  accountState,
  addWechat,
  addWeibo,
  type CollectionFixture,
  collectStream,
  cursorOf,
  requestsTo,
  seedHistory,
  startCollectionFixture,
  storedInteractions,
  storedPublications,
} from './support/collection-fixture';

const at = (iso: string | null) => new Date(iso!).getTime();

describe.each(testEngines())('collection faults on %s', (engine) => {
  let f: CollectionFixture;
  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'faults-test');
  });
  afterAll(() => f?.close());

  it('backs off exponentially after a 5xx mid-run, storing nothing of the run, then recovers', async () => {
    const { account, sandboxId } = await addWechat(f, '江城公安');
    await seedHistory(f, sandboxId, 12, { commentsPerPost: 0 });
    await f.poll();
    const cursor = await cursorOf(f, account.id, 'comments');
    expect(cursor).not.toBeNull();
    const advance = await f.sandbox.ctl<{ items: unknown[] }>('POST', '/public/advance', {
      count: 60,
      accounts: [sandboxId],
      kinds: { comment: 1 },
    });
    // The third comment/list call of the run fails: the lists already read are not stored either.
    await f.sandbox.fault({
      account: sandboxId,
      endpoint: '/cgi-bin/comment/list',
      kind: 'status',
      status: 502,
      skip: 2,
      times: 2,
    });
    const before = f.t.clock.now().getTime();
    await collectStream(f, account.id, 'comments');
    expect(await storedInteractions(f, account.id)).toHaveLength(0);
    expect(await cursorOf(f, account.id, 'comments')).toBe(cursor);
    let state = await accountState(f, account.id);
    expect(state.lastError).toMatch(/^采集失败：渠道暂时无法访问.*。渠道返回：HTTP 502/);
    expect(state.consecutiveFailures).toBe(1);
    expect(at(state.backoffUntil) - before).toBeGreaterThanOrEqual(BACKOFF_BASE_MS / 2);
    expect(at(state.backoffUntil) - before).toBeLessThanOrEqual(BACKOFF_BASE_MS + 1000);
    // Backing off: the tick does not poll the account.
    await f.poll();
    expect(await storedInteractions(f, account.id)).toHaveLength(0);

    // The second failure in a row waits twice as long.
    f.t.clock.advance(BACKOFF_BASE_MS + 1000);
    const second = f.t.clock.now().getTime();
    await collectStream(f, account.id, 'comments');
    state = await accountState(f, account.id);
    expect(state.consecutiveFailures).toBe(2);
    expect(at(state.backoffUntil) - second).toBeGreaterThanOrEqual(BACKOFF_BASE_MS);
    expect(at(state.backoffUntil) - second).toBeLessThanOrEqual(2 * BACKOFF_BASE_MS + 1000);

    f.t.clock.advance(2 * BACKOFF_BASE_MS + 1000);
    await collectStream(f, account.id, 'comments');
    expect(await storedInteractions(f, account.id)).toHaveLength(advance.items.length);
    state = await accountState(f, account.id);
    expect(state).toMatchObject({
      lastError: null,
      lastErrorAt: null,
      consecutiveFailures: 0,
      backoffUntil: null,
    });
  });

  it('waits for the rate-limit reset the platform gives', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安限流');
    await seedHistory(f, sandboxId, 20);
    await f.sandbox.fault({
      account: sandboxId,
      endpoint: '/2/statuses/user_timeline.json',
      kind: 'rateLimit',
      times: 1,
    });
    const now = f.t.clock.now();
    await collectStream(f, account.id, 'timeline');
    const state = await accountState(f, account.id);
    expect(state.lastError).toMatch(/^采集失败：调用次数超过渠道限制.*渠道返回：10023 /);
    // Weibo limits reset on the hour; a few seconds of jitter spread the workers that waited for it.
    expect(at(state.backoffUntil)).toBeGreaterThanOrEqual(nextHour(now).getTime());
    expect(at(state.backoffUntil)).toBeLessThanOrEqual(nextHour(now).getTime() + 5000);
    expect(await storedPublications(f, account.id)).toHaveLength(0);
    expect(await cursorOf(f, account.id, 'timeline')).toBeNull();
  });

  it('refreshes an expired WeChat token once, however many streams found it expired, and retries', async () => {
    const { account, sandboxId } = await addWechat(f, '江城警方');
    const history = await seedHistory(f, sandboxId, 8);
    await f.poll();
    // The first poll found no token yet: one refresh, then every stream went through.
    expect(await requestsTo(f, sandboxId, '/cgi-bin/token')).toBe(1);
    expect(await storedPublications(f, account.id)).not.toHaveLength(0);
    const token = await f.t.ds.query<Array<{ t: string }>>(
      'SELECT access_token AS t FROM accounts WHERE id = ?',
      [account.id],
    );

    await f.sandbox.ctl('POST', `/accounts/${sandboxId}/expire-tokens`);
    await f.sandbox.ctl('POST', `/public/advance`, {
      count: 5,
      accounts: [sandboxId],
      kinds: { comment: 1 },
    });
    f.t.clock.advance(61_000);
    // Three runners drain at once, as three workers would: both streams fail on the same token.
    await f.poll(3);
    expect(await requestsTo(f, sandboxId, '/cgi-bin/token')).toBe(2);
    const after = await f.t.ds.query<Array<{ t: string }>>(
      'SELECT access_token AS t FROM accounts WHERE id = ?',
      [account.id],
    );
    expect(after[0]!.t).not.toBe(token[0]!.t);
    expect(await storedInteractions(f, account.id)).toHaveLength(history.comments + 5);
    const state = await accountState(f, account.id);
    expect(state).toMatchObject({
      lastError: null,
      consecutiveFailures: 0,
      backoffUntil: null,
      credentialStatus: 'valid',
    });
  });

  it('stops polling an account whose Weibo token is dead until a person authorises it again', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安过期');
    await seedHistory(f, sandboxId, 10);
    await f.sandbox.ctl('POST', `/accounts/${sandboxId}/expire-tokens`);
    await f.poll();
    let state = await accountState(f, account.id);
    expect(state.credentialStatus).toBe('invalid');
    expect(state.lastError).toMatch(/^采集失败：渠道不接受当前凭据.*渠道返回：21327 /);
    const calls = await requestsTo(f, sandboxId, '/2/statuses/user_timeline.json');
    f.t.clock.advance(300_000);
    await f.poll();
    expect(await requestsTo(f, sandboxId, '/2/statuses/user_timeline.json')).toBe(calls);

    // A person authorises again: polling resumes at the next tick and the error goes.
    const fresh = await f.sandbox.ctl<{ accessToken: string; expiresAt: string }>(
      'POST',
      `/accounts/${sandboxId}/tokens`,
      {
        expiresIn: 30 * 86_400,
      },
    );
    await f.admin.post(`/api/accounts/${account.id}/credentials`, {
      accessToken: fresh.accessToken,
      tokenExpiresAt: fresh.expiresAt,
    });
    await f.poll();
    state = await accountState(f, account.id);
    expect(state).toMatchObject({ credentialStatus: 'valid', lastError: null });
    expect(await storedPublications(f, account.id)).toHaveLength(10);
  });

  it('pauses an account the platform refuses for good, until 立即采集', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安拒绝');
    await seedHistory(f, sandboxId, 5);
    await f.sandbox.fault({
      account: sandboxId,
      kind: 'platformError',
      code: 20003,
      status: 400,
      message: 'User does not exists!',
      times: 1,
    });
    const now = f.t.clock.now().getTime();
    await collectStream(f, account.id, 'timeline');
    let state = await accountState(f, account.id);
    expect(state.lastError).toMatch(/^采集失败：渠道拒绝了请求.*渠道返回：20003 User does not exists!/);
    expect(at(state.backoffUntil) - now).toBeGreaterThanOrEqual(PERMANENT_PAUSE_MS);

    const res = await f.admin.post<{ streams: string[] }>(`/api/accounts/${account.id}/collect`);
    expect(res.status).toBe(202);
    expect(res.body.streams).toEqual(['timeline', 'comments', 'mentions', 'reposts']);
    await f.drain();
    state = await accountState(f, account.id);
    expect(state).toMatchObject({ lastError: null, backoffUntil: null });
    expect(await storedPublications(f, account.id)).toHaveLength(5);
  });
});
