// /__control/accounts/:id/wechat/*: push a message or any event XML to the account's server URL now
// (awaiting the delivery result), verify the URL (echostr handshake), list pushed messages.
import { Router } from 'express';
import { z } from 'zod';
import type { WechatAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { Rng } from '../core/rng';
import { deliverStored, pushDirectMessage } from '../public-simulator/direct-messages';
import { pickMessage } from '../public-simulator/generator';
import { person, POOL_SIZE } from '../public-simulator/users';
import { deliver, verifyServer } from '../wechat/wechat-push';
import { ControlError, json, mustAccount, parse } from './control-common';

const pushInput = z.object({
  /** text: a follower's message (random from the corpus unless `content` is given); xml: sent as is. */
  type: z.enum(['text', 'xml']).default('text'),
  content: z.string().optional(),
  openid: z.string().optional(),
  msgDataId: z.string().optional(),
  idx: z.number().int().positive().optional(),
  xml: z.string().optional(),
});

function wechat(ctx: SandboxContext, id: string): WechatAccount {
  const a = mustAccount(ctx, id);
  if (a.platform !== 'wechat') throw new ControlError(400, `${id} is not a WeChat account`);
  return a;
}

export function wechatRoutes(ctx: SandboxContext): Router {
  const r = Router();
  let pushes = 0;

  r.post(
    '/accounts/:id/wechat/push',
    json(async (req) => {
      const a = wechat(ctx, String(req.params.id));
      if (!a.config.callback)
        throw new ControlError(
          409,
          'the account has no callback URL; PATCH it with {"callback":{"url","token"}}',
        );
      const input = parse(pushInput, req);
      if (input.type === 'xml') {
        if (!input.xml) throw new ControlError(400, 'xml is required for type xml');
        return deliver(ctx, a, input.xml, input.openid ?? null);
      }
      const rng = new Rng(`${ctx.seed}:push:${a.id}:${pushes++}`);
      const who = person(ctx.seed, rng.int(0, POOL_SIZE - 1));
      const now = ctx.clock.now();
      const content = input.content ?? pickMessage(rng, 'wechatMessage', now).text;
      const article = input.msgDataId ? { msgDataId: input.msgDataId, idx: input.idx ?? 1 } : undefined;
      const msgId = pushDirectMessage(ctx, a, input.openid ?? who.openid, content, now, article, false);
      return { msgId, content, ...(await deliverStored(ctx, a, msgId)) };
    }),
  );

  r.post(
    '/accounts/:id/wechat/verify',
    json((req) => verifyServer(wechat(ctx, String(req.params.id)))),
  );

  r.get(
    '/accounts/:id/wechat/messages',
    json((req) => {
      const a = wechat(ctx, String(req.params.id));
      const rows = ctx.db
        .prepare(
          'SELECT msg_id, openid, xml, created_at, delivered, attempts, last_result FROM wx_messages WHERE account_id = ? ORDER BY created_at DESC LIMIT 200',
        )
        .all(a.id) as {
        msg_id: string;
        openid: string;
        xml: string;
        created_at: number;
        delivered: number;
        attempts: number;
        last_result: string | null;
      }[];
      return {
        messages: rows.map((m) => ({
          msgId: m.msg_id,
          openid: m.openid,
          xml: m.xml,
          createdAt: new Date(m.created_at).toISOString(),
          delivered: m.delivered === 1,
          attempts: m.attempts,
          lastResult: m.last_result ? (JSON.parse(m.last_result) as unknown) : null,
        })),
      };
    }),
  );
  return r;
}
