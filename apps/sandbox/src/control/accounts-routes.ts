// /__control/accounts: create, list, show and reconfigure simulated accounts; issue and expire tokens;
// seed an account's history.
import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  accountInput,
  buildAccount,
  portalInput,
  wechatInput,
  weiboInput,
  type Account,
  type Platform,
  PLATFORMS,
} from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { jsonBody } from '../core/http';
import { seedHistory, historyInput } from '../public-simulator/history';
import type { PublicSimulator } from '../public-simulator/simulator';
import { accountView, ControlError, json, mustAccount, parse, str } from './control-common';

const PATCHES = {
  weibo: weiboInput.omit({ platform: true, id: true, uid: true, token: true }).partial(),
  wechat: wechatInput.omit({ platform: true, id: true, appid: true }).partial(),
  portal: portalInput.omit({ platform: true, id: true, siteId: true }).partial(),
};

const tokenInput = z.object({
  expiresIn: z.number().int().positive().optional(),
  value: z.string().min(8).optional(),
});

export function issueWeiboToken(ctx: SandboxContext, a: Account, expiresIn?: number, value?: string) {
  if (a.platform !== 'weibo')
    throw new ControlError(
      400,
      'only Weibo accounts get tokens from the control API; WeChat clients call /cgi-bin/token',
    );
  const row = ctx.tokens.issue(a.id, 'weibo', expiresIn ?? a.config.tokenTtlSeconds, value);
  return {
    accessToken: row.token,
    expiresIn: Math.round((row.expires_at - row.issued_at) / 1000),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

export function createAccount(ctx: SandboxContext, raw: unknown) {
  const result = accountInput.safeParse(raw);
  if (!result.success)
    throw new ControlError(
      400,
      result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const input = result.data;
  const account = ctx.accounts.insert(buildAccount(input, ctx.seed, ctx.clock.now()));
  if (account.platform === 'weibo' && input.platform === 'weibo')
    issueWeiboToken(ctx, account, input.token?.expiresIn, input.token?.value);
  return accountView(ctx, account);
}

export function accountsRoutes(ctx: SandboxContext, sim: PublicSimulator): Router {
  const r = Router();

  r.post(
    '/accounts',
    json((req) => ({ created: true, ...createAccount(ctx, jsonBody(req) ?? {}) })),
  );

  r.get(
    '/accounts',
    json((req) => {
      const platform = str(req, 'platform');
      if (platform && !(PLATFORMS as readonly string[]).includes(platform))
        throw new ControlError(400, `platform must be one of ${PLATFORMS.join(', ')}`);
      return {
        accounts: ctx.accounts.list(platform as Platform | undefined).map((a) => accountView(ctx, a)),
      };
    }),
  );

  r.get(
    '/accounts/:id',
    json((req) => accountView(ctx, mustAccount(ctx, String(req.params.id)))),
  );

  r.patch(
    '/accounts/:id',
    json((req: Request) => {
      const a = mustAccount(ctx, String(req.params.id));
      const patch = parse(PATCHES[a.platform], req) as Record<string, unknown>;
      const { name, ...config } = patch;
      const merged = { ...a.config, ...config } as Record<string, unknown>;
      if (a.platform === 'weibo' && config.limits) merged.limits = { ...a.config.limits, ...config.limits };
      if (a.platform === 'wechat' && config.quotas) merged.quotas = { ...a.config.quotas, ...config.quotas };
      const next = {
        ...a,
        name: typeof name === 'string' ? name : a.name,
        config: merged,
      } as unknown as Account;
      ctx.accounts.save(next);
      return accountView(ctx, next);
    }),
  );

  r.post(
    '/accounts/:id/tokens',
    json((req) => {
      const a = mustAccount(ctx, String(req.params.id));
      const input = parse(tokenInput, req);
      return { created: true, ...issueWeiboToken(ctx, a, input.expiresIn, input.value) };
    }),
  );

  r.get(
    '/accounts/:id/tokens',
    json((req) => {
      const a = mustAccount(ctx, String(req.params.id));
      const now = ctx.clock.now();
      return {
        tokens: ctx.tokens.list(a.id).map((t) => ({
          token: t.token,
          kind: t.kind,
          issuedAt: new Date(t.issued_at).toISOString(),
          expiresAt: new Date(t.expires_at).toISOString(),
          revokedAt: t.revoked_at === null ? null : new Date(t.revoked_at).toISOString(),
          state: ctx.tokens.check(t.token).state,
          secondsLeft: Math.max(0, Math.floor((t.expires_at - now) / 1000)),
        })),
      };
    }),
  );

  r.post(
    '/accounts/:id/expire-tokens',
    json((req) => ({ expired: ctx.tokens.expireAll(mustAccount(ctx, String(req.params.id)).id) })),
  );

  r.post(
    '/accounts/:id/history',
    json((req) => {
      const a = mustAccount(ctx, String(req.params.id));
      return { created: true, ...seedHistory(ctx, sim, a, parse(historyInput, req)) };
    }),
  );

  return r;
}
