import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../../src/channels/channel-errors';
import type { ChannelAccount } from '../../src/channels/channel.interface';
import {
  parseWechatPush,
  verifyWechatSignature,
  type WechatPush,
} from '../../src/channels/wechat/wechat-push';
import { WechatProvider } from '../../src/channels/wechat/wechat.provider';
import {
  eventually,
  startChannelSandbox,
  wechatAccount,
  type ChannelSandbox,
} from './support/channel-sandbox';
import { type LocalServer, startLocalServer } from './support/local-server';

const TOKEN = 'push-token-2024';
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(64, 1),
  Buffer.from([0xff, 0xd9]),
]);

interface Received {
  valid: boolean;
  push: WechatPush | null;
}

let t: ChannelSandbox;
let endpoint: LocalServer;
let account: ChannelAccount;
let sandboxId: string;
let ghId: string;
const received: Received[] = [];

/** Our side of the push, as the HTTP endpoint will do it: check the signature, then read the XML. */
beforeAll(async () => {
  endpoint = await startLocalServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const sig = {
        signature: q.get('signature') ?? '',
        timestamp: q.get('timestamp') ?? '',
        nonce: q.get('nonce') ?? '',
      };
      const valid = verifyWechatSignature(TOKEN, sig);
      received.push({ valid, push: valid ? parseWechatPush(Buffer.concat(chunks).toString('utf8')) : null });
      res.writeHead(valid ? 200 : 403).end(valid ? 'success' : '');
    });
  });
  t = await startChannelSandbox();
  const created = await wechatAccount(t, {
    callback: { url: `${endpoint.url}/wechat/callback`, token: TOKEN },
  });
  sandboxId = created.sandboxId;
  ghId = created.ghId;
  const wechat = new WechatProvider(t.http, t.clock);
  account = { ...created.account, accessToken: (await wechat.refreshToken(created.account)).accessToken };
});
afterAll(async () => {
  await t.close();
  await endpoint.close();
});

async function push(body: unknown): Promise<WechatPush> {
  const before = received.length;
  await t.ctl('POST', `/accounts/${sandboxId}/wechat/push`, body);
  const got = await eventually(async () => Promise.resolve(received[before]));
  expect(got.valid).toBe(true);
  return got.push!;
}

describe('WeChat push signature', () => {
  it('accepts the platform’s signature and rejects any other', () => {
    const good = {
      signature: createHash('sha1').update(['1700000000', '123456', TOKEN].sort().join('')).digest('hex'),
      timestamp: '1700000000',
      nonce: '123456',
    };
    expect(verifyWechatSignature(TOKEN, good)).toBe(true);
    expect(verifyWechatSignature('another-token', good)).toBe(false);
    expect(verifyWechatSignature(TOKEN, { ...good, timestamp: '1700000001' })).toBe(false);
    expect(verifyWechatSignature(TOKEN, { ...good, signature: good.signature.slice(0, 20) })).toBe(false);
    expect(verifyWechatSignature(TOKEN, { ...good, signature: 'not hex at all' })).toBe(false);
  });

  it('verifies the sandbox’s pushes end to end, and refuses pushes signed with another token', async () => {
    await push({ type: 'text', content: '请问身份证补办需要带什么材料？' });
    expect(received.every((r) => r.valid)).toBe(true);

    const callback = { url: `${endpoint.url}/wechat/callback`, token: 'someone-else', timeoutMs: 500 };
    await t.ctl('PATCH', `/accounts/${sandboxId}`, { callback });
    const before = received.length;
    const result = await t.ctl<{ delivered: boolean; attempts: { status: number }[] }>(
      'POST',
      `/accounts/${sandboxId}/wechat/push`,
      { type: 'text', content: '伪造的推送' },
    );
    expect(result.delivered).toBe(false);
    expect(result.attempts.map((a) => a.status)).toEqual([403, 403, 403]);
    expect(received.slice(before).every((r) => !r.valid && r.push === null)).toBe(true);
    await t.ctl('PATCH', `/accounts/${sandboxId}`, { callback: { ...callback, token: TOKEN } });
  });
});

describe('WeChat pushed messages', () => {
  it('reads a follower’s text message into a 私信 interaction', async () => {
    const before = received.length;
    const sent = await t.ctl<{ msgId: string }>('POST', `/accounts/${sandboxId}/wechat/push`, {
      type: 'text',
      content: '小区门口有人摆摊堵路，能管管吗',
      openid: 'oPUBLIC0001',
    });
    const got = await eventually(async () => Promise.resolve(received[before]));
    expect(got.push).toEqual({
      type: 'message',
      interaction: {
        externalId: sent.msgId,
        kind: 'message',
        text: '小区门口有人摆摊堵路，能管管吗',
        authorId: 'oPUBLIC0001',
        authorName: null,
        createdAt: expect.any(Date) as Date,
        publicationExternalId: null,
        parentExternalId: null,
        replyContext: { openid: 'oPUBLIC0001' },
      },
    });
    // A 64-bit MsgId survives as written.
    expect(sent.msgId).toMatch(/^\d{10,}$/);
  });

  it('links a message sent from an article to that article', async () => {
    const p = await push({ type: 'text', content: '文章里说的窗口在哪？', msgDataId: '2650000123', idx: 2 });
    expect(p.type === 'message' && p.interaction.publicationExternalId).toBe('2650000123_2');
  });

  it('reads image and location messages, and acknowledges other events', async () => {
    const image = await push({
      type: 'xml',
      xml: `<xml><ToUserName><![CDATA[${ghId}]]></ToUserName><FromUserName><![CDATA[oIMG]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/x.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>24000000000000000001</MsgId></xml>`,
    });
    expect(image).toMatchObject({
      type: 'message',
      interaction: {
        externalId: '24000000000000000001',
        text: '[图片] http://mmbiz.qpic.cn/x.jpg',
        createdAt: new Date(1700000000 * 1000),
      },
    });
    const location = parseWechatPush(
      `<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[oLOC]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>30.5</Location_X><Location_Y>114.3</Location_Y><Label><![CDATA[江城市东湖路1号]]></Label><MsgId>5</MsgId></xml>`,
    );
    expect(location.type === 'message' && location.interaction.text).toBe('[位置] 江城市东湖路1号');
    const subscribe = parseWechatPush(
      `<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`,
    );
    expect(subscribe).toEqual({ type: 'ignored', msgType: 'event', event: 'subscribe' });
  });

  it('reads PUBLISHJOBFINISH into the publication’s status', async () => {
    const wechat = new WechatProvider(t.http, t.clock);
    const before = received.length;
    const r = await wechat.publish(account, {
      idempotencyKey: 'push-1',
      kind: 'original',
      title: '推送测试',
      body: '<p>正文</p>',
      images: [{ fileName: 'c.jpg', contentType: 'image/jpeg', data: JPEG }],
    });
    const got = await eventually(async () =>
      Promise.resolve(received.slice(before).find((x) => x.push?.type === 'publishFinished')),
    );
    const polled = await wechat.fetchPublicationStatus(account, {
      idempotencyKey: 'push-1',
      externalId: r.externalId,
      title: '',
      body: '',
      notBefore: new Date(),
    });
    expect(got.push).toMatchObject({
      type: 'publishFinished',
      publishId: r.externalId,
      status: { state: 'published' },
    });
    if (
      got.push?.type !== 'publishFinished' ||
      got.push.status.state !== 'published' ||
      polled.state !== 'published'
    )
      throw new Error('not published');
    expect(got.push.status.externalId).toBe(polled.externalId);
    expect(got.push.status.url).toBe(polled.url);
  });

  it('rejects XML it cannot read', () => {
    for (const xml of [
      '<xml><MsgType>text</MsgType>',
      'not xml',
      '<xml><Content>hi</Content></xml>',
      '<xml><MsgType>text</MsgType></xml>',
    ]) {
      expect(() => parseWechatPush(xml)).toThrow(MalformedResponseError);
    }
  });
});
