import { createHash } from 'node:crypto';
import { type Account } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/engines';
import { addWechat, type CollectionFixture, startCollectionFixture } from './support/collection-fixture';

const PUSH_TOKEN = 'sunlight-push-2026';

interface Delivery {
  msgId?: string;
  delivered: boolean;
  attempts: { status: number | null }[];
}

describe.each(testEngines())('WeChat message push into the inbox on %s', (engine) => {
  let f: CollectionFixture;
  let account: Account;
  let sandboxId: string;
  let pushUrl: string;

  const messages = () =>
    f.t.ds.query<{ externalId: string; kind: string; text: string; authorId: string }[]>(
      `SELECT external_id AS externalId, kind, text, author_id AS authorId FROM interactions WHERE account_id = ${account.id} ORDER BY id`,
    );
  const pointSandboxAt = (token: string) =>
    f.sandbox.ctl('PATCH', `/accounts/${sandboxId}`, { callback: { url: pushUrl, token, timeoutMs: 2000 } });

  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'wechat-push');
    ({ account, sandboxId } = await addWechat(f, '示范公安'));
    const set = await f.admin.post(`/api/accounts/${account.id}/credentials`, {
      secrets: { pushToken: PUSH_TOKEN },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    pushUrl = `${f.t.url}/api/channels/wechat/${account.id}/push`;
    await pointSandboxAt(PUSH_TOKEN);
  });

  afterAll(() => f?.close());

  it('answers the echostr handshake WeChat makes when the server URL is saved', async () => {
    const res = await f.sandbox.ctl<{ ok: boolean; status: number }>(
      'POST',
      `/accounts/${sandboxId}/wechat/verify`,
    );
    expect(res).toMatchObject({ ok: true, status: 200 });
  });

  it('stores a follower’s message once, however often WeChat delivers it', async () => {
    const sent = await f.sandbox.ctl<Delivery>('POST', `/accounts/${sandboxId}/wechat/push`, {
      type: 'text',
      content: '请问办理居住证需要带哪些材料？',
      openid: 'oFollower0001',
    });
    expect(sent.delivered).toBe(true);
    const stored = await messages();
    expect(stored).toEqual([
      {
        externalId: sent.msgId,
        kind: 'message',
        text: '请问办理居住证需要带哪些材料？',
        authorId: 'oFollower0001',
      },
    ]);
    // WeChat retries with the same MsgId when an answer is late; the copy is absorbed.
    const xml =
      `<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[oFollower0001]]></FromUserName>` +
      `<CreateTime>1795460000</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
      `<Content><![CDATA[请问办理居住证需要带哪些材料？]]></Content><MsgId>${sent.msgId}</MsgId></xml>`;
    const again = await f.sandbox.ctl<Delivery>('POST', `/accounts/${sandboxId}/wechat/push`, {
      type: 'xml',
      xml,
    });
    expect(again.delivered).toBe(true);
    expect(await messages()).toHaveLength(1);
  });

  it('refuses a push signed with another token and stores nothing', async () => {
    await pointSandboxAt('not-our-token');
    try {
      const sent = await f.sandbox.ctl<Delivery>('POST', `/accounts/${sandboxId}/wechat/push`, {
        type: 'text',
        content: '这条不应被收下',
      });
      expect(sent.delivered).toBe(false);
      expect(sent.attempts.map((a) => a.status)).toEqual([403, 403, 403]);
      expect((await messages()).map((m) => m.text)).not.toContain('这条不应被收下');
    } finally {
      await pointSandboxAt(PUSH_TOKEN);
    }
  });

  it('answers a malformed push or a missing signature with a clear 4xx, never a 500', async () => {
    const unsigned = await fetch(pushUrl, {
      method: 'POST',
      body: '<xml/>',
      headers: { 'content-type': 'text/xml' },
    });
    expect(unsigned.status).toBe(400);
    const timestamp = '1795460000';
    const nonce = 'n0nce';
    const signature = createHash('sha1').update([PUSH_TOKEN, timestamp, nonce].sort().join('')).digest('hex');
    const broken = await fetch(`${pushUrl}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, {
      method: 'POST',
      body: '<xml><MsgType>text</MsgType',
      headers: { 'content-type': 'text/xml' },
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { code: string; message: string }).message).toMatch(/推送消息无法解析/);
    const nowhere = await fetch(
      `${f.t.url}/api/channels/wechat/99999/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&echostr=1`,
    );
    expect(nowhere.status).toBe(404);
  });
});
