import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTest, TINY_JPEG, wechatAccount, wx, wxToken, type TestSandbox } from './helpers';

let t: TestSandbox;
let server: http.Server;
let callbackUrl: string;
const received: { query: URLSearchParams; body: string; method: string }[] = [];
let mode: 'ok' | 'silent' = 'ok';

beforeAll(async () => {
  t = await startTest();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      received.push({ query: url.searchParams, body, method: req.method! });
      if (req.method === 'GET') return res.end(url.searchParams.get('echostr') ?? '');
      if (mode === 'silent') return; // never answers: the sandbox must time out and retry
      res.end('success');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat`;
});
afterAll(async () => {
  await t.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function signatureOk(q: URLSearchParams, token: string): boolean {
  const expected = crypto
    .createHash('sha1')
    .update([token, q.get('timestamp')!, q.get('nonce')!].sort().join(''))
    .digest('hex');
  return q.get('signature') === expected;
}

describe('message push', () => {
  it('verifies the server URL with echostr, then pushes a signed text message', async () => {
    const acc = await wechatAccount(t, { callback: { url: callbackUrl, token: 'cbtoken' } });
    const v = await t.ctl<{ ok: boolean }>('POST', `/accounts/${acc.id}/wechat/verify`);
    expect(v.body.ok).toBe(true);
    received.length = 0;
    const push = await t.ctl<{ delivered: boolean; msgId: string; content: string; attempts: unknown[] }>(
      'POST',
      `/accounts/${acc.id}/wechat/push`,
      { content: '请问护照怎么办理？' },
    );
    expect(push.body.delivered).toBe(true);
    expect(push.body.attempts).toHaveLength(1);
    const msg = received[0]!;
    expect(msg.method).toBe('POST');
    expect(signatureOk(msg.query, 'cbtoken')).toBe(true);
    expect(msg.query.get('openid')).toMatch(/^o/);
    expect(msg.body).toContain('<MsgType><![CDATA[text]]></MsgType>');
    expect(msg.body).toContain('<Content><![CDATA[请问护照怎么办理？]]></Content>');
    expect(msg.body).toContain(`<MsgId>${push.body.msgId}</MsgId>`);
    const gh = (await t.ctl<{ credentials: { ghId: string } }>('GET', `/accounts/${acc.id}`)).body.credentials
      .ghId;
    expect(msg.body).toContain(`<ToUserName><![CDATA[${gh}]]></ToUserName>`);
  });

  it('retries a silent server three times with the same MsgId', async () => {
    const acc = await wechatAccount(t, {
      name: '重试测试',
      callback: { url: callbackUrl, token: 'tk2', timeoutMs: 150 },
    });
    received.length = 0;
    mode = 'silent';
    const push = await t.ctl<{ delivered: boolean; attempts: { error: string | null }[] }>(
      'POST',
      `/accounts/${acc.id}/wechat/push`,
      {},
    );
    mode = 'ok';
    expect(push.body.delivered).toBe(false);
    expect(push.body.attempts).toHaveLength(3);
    expect(received).toHaveLength(3);
    const ids = received.map((r) => /<MsgId>(\d+)<\/MsgId>/.exec(r.body)![1]);
    expect(new Set(ids).size).toBe(1);
  });

  it('pushes PUBLISHJOBFINISH when a freepublish job ends', async () => {
    const acc = await wechatAccount(t, {
      name: '发布回调',
      publishDelayMs: 100,
      callback: { url: callbackUrl, token: 'tk3' },
    });
    const token = await wxToken(t, acc.appid, acc.secret);
    const form = new FormData();
    form.set('media', new Blob([TINY_JPEG]), 'c.jpg');
    const thumb = (
      (await (
        await fetch(`${t.url}/cgi-bin/material/add_material?type=image&access_token=${token}`, {
          method: 'POST',
          body: form,
        })
      ).json()) as { media_id: string }
    ).media_id;
    const draft = await wx<{ media_id: string }>(t, '/cgi-bin/draft/add', token, {
      articles: [{ title: '发布事件', content: '<p>x</p>', thumb_media_id: thumb }],
    });
    received.length = 0;
    const sub = await wx<{ publish_id: string }>(t, '/cgi-bin/freepublish/submit', token, {
      media_id: draft.media_id,
    });
    for (let i = 0; i < 40 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const event = received.find((r) => r.body.includes('PUBLISHJOBFINISH'))!;
    expect(event).toBeDefined();
    expect(signatureOk(event.query, 'tk3')).toBe(true);
    expect(event.body).toContain(`<publish_id>${sub.publish_id}</publish_id>`);
    expect(event.body).toContain('<publish_status>0</publish_status>');
    expect(event.body).toMatch(
      /<article_url><!\[CDATA\[http:\/\/127\.0\.0\.1:\d+\/s\?mid=\d+&idx=1&sn=[\w-]+#rd\]\]><\/article_url>/,
    );
  });

  it('the simulated public sends direct messages to the callback, recorded per account', async () => {
    const acc = await wechatAccount(t, { name: '私信测试', callback: { url: callbackUrl, token: 'tk4' } });
    received.length = 0;
    await t.ctl('POST', '/public/advance', { count: 3, accounts: [acc.id], kinds: { message: 1 } });
    for (let i = 0; i < 40 && received.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(received.filter((r) => r.body.includes('<MsgType><![CDATA[text]]></MsgType>'))).toHaveLength(3);
    const list = await t.ctl<{ messages: { delivered: boolean }[] }>(
      'GET',
      `/accounts/${acc.id}/wechat/messages`,
    );
    expect(list.body.messages).toHaveLength(3);
  });
});
