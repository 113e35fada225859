// Access-token checks and per-user rate limits in front of every /2/ endpoint.
import type { NextFunction, Request, Response } from 'express';
import type { WeiboAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { send } from '../core/http';
import { hourStart } from '../core/time';
import { WeiboError, weiboErrorReply } from './weibo-errors';

export interface WeiboCaller {
  account: WeiboAccount;
  token: string;
}

const callers = new WeakMap<Request, WeiboCaller>();

export function caller(req: Request): WeiboCaller {
  const c = callers.get(req);
  if (!c) throw new WeiboError(10006);
  return c;
}

export function tokenOf(req: Request): string | undefined {
  const header = String(req.headers.authorization ?? '');
  const m = /^OAuth2\s+(\S+)/i.exec(header);
  return req.sbx.fields.access_token || (m ? m[1] : undefined);
}

/** The account a token belongs to, valid or not: faults are targeted at accounts. */
export function accountOfToken(ctx: SandboxContext, token: string | undefined): string | undefined {
  if (!token) return undefined;
  const check = ctx.tokens.check(token);
  return check.state === 'unknown' ? undefined : check.row.account_id;
}

// rate_limit_status does not count against the limits, as documented.
const UNCOUNTED = new Set(['/2/account/rate_limit_status.json']);

export function requireToken(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = tokenOf(req);
    if (!token) return send(req, res, weiboErrorReply(req, 10006));
    const check = ctx.tokens.check(token);
    if (check.state === 'unknown') return send(req, res, weiboErrorReply(req, 21332));
    if (check.state === 'expired') return send(req, res, weiboErrorReply(req, 21327));
    if (check.state === 'revoked') return send(req, res, weiboErrorReply(req, 21316));
    const account = ctx.accounts.get(check.row.account_id);
    if (!account || account.platform !== 'weibo') return send(req, res, weiboErrorReply(req, 21332));
    if (!UNCOUNTED.has(req.baseUrl + req.path)) {
      const window = hourStart(ctx.clock.now());
      const used = ctx.counters.take(`wb:calls:${account.id}`, window, account.config.limits.callsPerHour);
      if (!used.ok) return send(req, res, weiboErrorReply(req, 10023));
    }
    callers.set(req, { account, token });
    next();
  };
}

/** Posting and commenting have their own hourly limits on top of the call limit. */
export function takeWriteQuota(
  ctx: SandboxContext,
  account: WeiboAccount,
  what: 'posts' | 'comments',
  path: string,
): void {
  const limit = what === 'posts' ? account.config.limits.postsPerHour : account.config.limits.commentsPerHour;
  const used = ctx.counters.take(`wb:${what}:${account.id}`, hourStart(ctx.clock.now()), limit);
  if (!used.ok) throw what === 'posts' ? new WeiboError(20016) : new WeiboError(10024, [path]);
}
