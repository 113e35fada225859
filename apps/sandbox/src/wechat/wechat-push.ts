// Message push to the account's server URL (服务器配置), plaintext mode: POST XML with
// ?signature=&timestamp=&nonce=&openid=, signature = sha1(sort([token, timestamp, nonce]).join('')).
// No answer within the timeout (WeChat: 5 s) → retried, 3 tries in all, same MsgId each time.
import crypto from 'node:crypto';
import type { WechatAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { randomString } from '../core/ids';

export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return crypto.createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function textMessageXml(m: {
  ghId: string;
  openid: string;
  createTime: number;
  content: string;
  msgId: string;
  msgDataId?: string;
  idx?: number;
}): string {
  const fromArticle = m.msgDataId ? `<MsgDataId>${m.msgDataId}</MsgDataId><Idx>${m.idx ?? 1}</Idx>` : '';
  return (
    `<xml><ToUserName>${cdata(m.ghId)}</ToUserName><FromUserName>${cdata(m.openid)}</FromUserName>` +
    `<CreateTime>${m.createTime}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(m.content)}</Content>` +
    `<MsgId>${m.msgId}</MsgId>${fromArticle}</xml>`
  );
}

export function publishFinishXml(m: {
  ghId: string;
  createTime: number;
  publishId: string;
  status: number;
  articleId: string | null;
  urls: string[];
  failIdx: number[];
}): string {
  const detail =
    m.status === 0
      ? `<article_id>${cdata(m.articleId ?? '')}</article_id><article_detail><count>${m.urls.length}</count>` +
        m.urls
          .map((u, i) => `<item><idx>${i + 1}</idx><article_url>${cdata(u)}</article_url></item>`)
          .join('') +
        `</article_detail>`
      : m.failIdx.map((i) => `<fail_idx>${i}</fail_idx>`).join('');
  return (
    `<xml><ToUserName>${cdata(m.ghId)}</ToUserName><FromUserName>${cdata('oV5CrjpxgaGXNHIQigzNlgLTnwic')}</FromUserName>` +
    `<CreateTime>${m.createTime}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('PUBLISHJOBFINISH')}</Event>` +
    `<PublishEventInfo><publish_id>${m.publishId}</publish_id><publish_status>${m.status}</publish_status>${detail}</PublishEventInfo></xml>`
  );
}

export function massFinishXml(m: { ghId: string; createTime: number; msgId: string; sent: number }): string {
  return (
    `<xml><ToUserName>${cdata(m.ghId)}</ToUserName><FromUserName>${cdata('oV5CrjpxgaGXNHIQigzNlgLTnwic')}</FromUserName>` +
    `<CreateTime>${m.createTime}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('MASSSENDJOBFINISH')}</Event>` +
    `<MsgID>${m.msgId}</MsgID><Status>${cdata('send success')}</Status><TotalCount>${m.sent}</TotalCount>` +
    `<FilterCount>${m.sent}</FilterCount><SentCount>${m.sent}</SentCount><ErrorCount>0</ErrorCount></xml>`
  );
}

export interface DeliveryAttempt {
  status: number | null;
  body: string | null;
  error: string | null;
  ms: number;
}

export interface DeliveryResult {
  delivered: boolean;
  attempts: DeliveryAttempt[];
}

export const PUSH_TRIES = 3;

function signedUrl(account: WechatAccount, openid: string | null): string {
  const cb = account.config.callback!;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomString(10, '0123456789');
  const url = new URL(cb.url);
  url.searchParams.set('signature', wechatSignature(cb.token, timestamp, nonce));
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('nonce', nonce);
  if (openid) url.searchParams.set('openid', openid);
  return url.toString();
}

/** POSTs the XML to the account's server URL, retrying on silence or connection errors. */
export async function deliver(
  ctx: SandboxContext,
  account: WechatAccount,
  xml: string,
  openid: string | null,
): Promise<DeliveryResult> {
  const attempts: DeliveryAttempt[] = [];
  if (!account.config.callback) return { delivered: false, attempts };
  const timeout = account.config.callback.timeoutMs ?? 5000;
  for (let i = 0; i < PUSH_TRIES && !ctx.timers.isClosed; i++) {
    const started = Date.now();
    try {
      const res = await fetch(signedUrl(account, openid), {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml' },
        body: xml,
        signal: AbortSignal.timeout(timeout),
      });
      const text = await res.text();
      attempts.push({ status: res.status, body: text.slice(0, 2000), error: null, ms: Date.now() - started });
      // Any HTTP 200 counts as received ("", "success" or a passive reply); other statuses are retried.
      if (res.status === 200) return { delivered: true, attempts };
    } catch (e) {
      attempts.push({
        status: null,
        body: null,
        error: e instanceof Error ? e.name : String(e),
        ms: Date.now() - started,
      });
    }
  }
  return { delivered: false, attempts };
}

/** URL verification: GET with echostr, as WeChat does when the server URL is saved. */
export async function verifyServer(
  account: WechatAccount,
): Promise<{ ok: boolean; status: number | null; body: string | null }> {
  if (!account.config.callback) return { ok: false, status: null, body: null };
  const echostr = randomString(19, '0123456789');
  const url = new URL(signedUrl(account, null));
  url.searchParams.set('echostr', echostr);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(account.config.callback.timeoutMs ?? 5000) });
    const text = await res.text();
    return {
      ok: res.status === 200 && text.trim() === echostr,
      status: res.status,
      body: text.slice(0, 500),
    };
  } catch {
    return { ok: false, status: null, body: null };
  }
}
