// Direct messages from followers to a WeChat account: stored, then pushed to the account's server URL as
// signed text-message XML (if it has one), with the delivery result kept for the control API.
import type { WechatAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { nextSeq, prep } from '../core/db';
import { deliver, textMessageXml, type DeliveryResult } from '../wechat/wechat-push';

export function pushDirectMessage(
  ctx: SandboxContext,
  account: WechatAccount,
  openid: string,
  content: string,
  at: number,
  fromArticle?: { msgDataId: string; idx: number },
  autoDeliver = true,
): string {
  // MsgId is a 64-bit number; kept as a string end to end.
  const msgId = String(24_000_000_000_000_000n + BigInt(nextSeq(ctx.db, 'wx_msgid')));
  const xml = textMessageXml({
    ghId: account.config.ghId,
    openid,
    createTime: Math.floor(at / 1000),
    content,
    msgId,
    msgDataId: fromArticle?.msgDataId,
    idx: fromArticle?.idx,
  });
  prep(
    ctx.db,
    'INSERT INTO wx_messages (msg_id, account_id, openid, xml, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(msgId, account.id, openid, xml, at);
  if (autoDeliver && account.config.callback) void deliverStored(ctx, account, msgId);
  return msgId;
}

/** Delivers a stored message and records the outcome. */
export async function deliverStored(
  ctx: SandboxContext,
  account: WechatAccount,
  msgId: string,
): Promise<DeliveryResult> {
  const row = prep(ctx.db, 'SELECT xml, openid FROM wx_messages WHERE msg_id = ?').get(msgId) as
    { xml: string; openid: string } | undefined;
  if (!row) return { delivered: false, attempts: [] };
  const result = await deliver(ctx, account, row.xml, row.openid);
  if (!ctx.timers.isClosed && ctx.db.open) {
    prep(
      ctx.db,
      'UPDATE wx_messages SET delivered = ?, attempts = attempts + ?, last_result = ? WHERE msg_id = ?',
    ).run(
      result.delivered ? 1 : 0,
      result.attempts.length,
      JSON.stringify(result.attempts.at(-1) ?? null),
      msgId,
    );
  }
  return result;
}
