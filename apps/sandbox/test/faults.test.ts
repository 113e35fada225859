import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  share,
  startTest,
  weibo,
  weiboAccount,
  wechatAccount,
  type TestSandbox,
  type WeiboCreds,
} from './helpers';

let t: TestSandbox;
let a: WeiboCreds;
let b: WeiboCreds;

beforeAll(async () => {
  t = await startTest();
  a = await weiboAccount(t);
  b = await weiboAccount(t, { name: '东湖公安' });
});
afterAll(() => t.close());

const uid = (x: WeiboCreds) => weibo(t, 'GET', '/2/account/get_uid.json', { access_token: x.token });

/** Outcome of n calls under a 50% fault, as a string of 1 (fault) and 0 (normal). */
async function pattern(s: TestSandbox, creds: WeiboCreds, n: number): Promise<string> {
  let out = '';
  for (let i = 0; i < n; i++) {
    const r = await weibo(s, 'GET', '/2/account/get_uid.json', { access_token: creds.token });
    out += r.status === 200 ? '0' : '1';
  }
  return out;
}

describe('faults', () => {
  it('are deterministic under the seed: same seed, same pattern; another seed, another', async () => {
    const runs: string[] = [];
    for (const seed of ['fault-seed', 'fault-seed', 'other-seed']) {
      const s = await startTest({ seed });
      const creds = await weiboAccount(s);
      await s.ctl('POST', '/faults', {
        account: creds.id,
        endpoint: '/2/account/get_uid.json',
        kind: 'platformError',
        code: 10001,
        probability: 0.5,
      });
      runs.push(await pattern(s, creds, 40));
      await s.close();
    }
    expect(runs[0]).toBe(runs[1]);
    expect(runs[0]).not.toBe(runs[2]);
    expect(runs[0]).toMatch(/1/);
    expect(runs[0]).toMatch(/0/);
  });

  it('target one account and one endpoint, honour skip and times, and can be cleared', async () => {
    const f = await t.ctl<{ id: number }>('POST', '/faults', {
      account: a.id,
      endpoint: '/2/account/get_uid.json',
      kind: 'platformError',
      code: 10002,
      skip: 1,
      times: 2,
    });
    expect(f.status).toBe(201);
    expect((await uid(a)).status).toBe(200);
    const hit = await uid(a);
    expect(hit.status).toBe(503);
    expect(hit.body).toEqual({
      request: '/2/account/get_uid.json',
      error_code: 10002,
      error: 'Service unavailable',
    });
    expect((await uid(b)).status).toBe(200);
    expect((await weibo(t, 'GET', '/2/statuses/user_timeline.json', { access_token: a.token })).status).toBe(
      200,
    );
    expect((await uid(a)).status).toBe(503);
    expect((await uid(a)).status).toBe(200);
    const list = await t.ctl<{ faults: { id: number; hits: number; fired: number }[] }>('GET', '/faults');
    expect(list.body.faults.find((x) => x.id === f.body.id)).toMatchObject({ hits: 4, fired: 2 });
    expect((await t.ctl('DELETE', `/faults/${f.body.id}`)).status).toBe(200);
  });

  it('status: a gateway 502 page from nginx', async () => {
    await t.ctl('POST', '/faults', { account: a.id, kind: 'status', status: 502, times: 1 });
    const res = await fetch(`${t.url}/2/account/get_uid.json?access_token=${a.token}`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('<center>nginx</center>');
  });

  it("rateLimit and tokenExpired speak each platform's codes", async () => {
    await t.ctl('POST', '/faults', { account: a.id, kind: 'rateLimit', times: 1 });
    const rl = await uid(a);
    expect(rl.status).toBe(403);
    expect(rl.body.error_code).toBe(10023);
    await t.ctl('POST', '/faults', { account: a.id, kind: 'tokenExpired', code: 21315, times: 1 });
    expect((await uid(a)).body).toMatchObject({ error_code: 21315, error: 'Token expired' });
    await t.ctl('POST', '/faults', { account: a.id, kind: 'tokenExpired', times: 1 });
    expect((await uid(a)).body.error_code).toBe(21327);
    const w = await wechatAccount(t);
    await t.ctl('POST', '/faults', { account: w.id, kind: 'rateLimit', times: 1 });
    const res = await fetch(
      `${t.url}/cgi-bin/token?grant_type=client_credential&appid=${w.appid}&secret=${w.secret}`,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { errcode: number }).errcode).toBe(45009);
  });

  it('drop closes the connection; timeout holds it; slow answers late', async () => {
    await t.ctl('POST', '/faults', { account: a.id, kind: 'drop', times: 1 });
    await expect(fetch(`${t.url}/2/account/get_uid.json?access_token=${a.token}`)).rejects.toThrow();
    await t.ctl('POST', '/faults', { account: a.id, kind: 'timeout', delayMs: 60_000, times: 1 });
    await expect(
      fetch(`${t.url}/2/account/get_uid.json?access_token=${a.token}`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow(/abort|timeout/i);
    await t.ctl('POST', '/faults', { account: a.id, kind: 'slow', delayMs: 300, times: 1 });
    const started = Date.now();
    expect((await uid(a)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('phase "after": the post is published but the response is lost, which the ledger shows', async () => {
    await t.ctl('POST', '/faults', {
      account: b.id,
      endpoint: '/2/statuses/share.json',
      kind: 'drop',
      phase: 'after',
      times: 1,
    });
    await expect(share(t, b, '结果未知的发布 http://localhost/unknown')).rejects.toThrow();
    const ledger = await t.ctl<{ items: { text: string }[] }>('GET', `/published?account=${b.id}`);
    expect(ledger.body.items.map((i) => i.text)).toEqual(['结果未知的发布 http://localhost/unknown']);
    // A blind retry is refused as repeated content, as on Weibo.
    expect((await share(t, b, '结果未知的发布 http://localhost/unknown')).body.error_code).toBe(20111);
    const log = await t.ctl<{ requests: { fault: string | null; path: string }[] }>(
      'GET',
      `/requests?account=${b.id}&path=share`,
    );
    expect(log.body.requests.map((r) => r.fault)).toEqual(['drop', null]);
  });

  it('rejects a bad fault spec with 400', async () => {
    const r = await t.ctl<{ error: { message: string } }>('POST', '/faults', { kind: 'explode' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('kind');
  });
});
