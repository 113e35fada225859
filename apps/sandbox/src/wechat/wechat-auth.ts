// Access tokens: /cgi-bin/token (each call issues a new token; the previous one keeps working for the
// account's grace period, 5 minutes) and /cgi-bin/stable_token (the same token while it has > 5 minutes
// left; force_refresh revokes it, ≤ 20 a day, ≥ 30 s apart). The two kinds never invalidate each other.
import type { NextFunction, Request, Response } from 'express';
import type { WechatAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { jsonBody, send } from '../core/http';
import { dayStart } from '../core/time';
import { WechatError, wxErrorReply, wxJson } from './wechat-errors';

const callers = new WeakMap<Request, WechatAccount>();

export function wxCaller(req: Request): WechatAccount {
  const a = callers.get(req);
  if (!a) throw new WechatError(41001);
  return a;
}

export function wxAccountOf(ctx: SandboxContext, req: Request): string | undefined {
  const token = req.sbx.fields.access_token;
  if (token) {
    const check = ctx.tokens.check(token);
    return check.state === 'unknown' ? undefined : check.row.account_id;
  }
  const body = jsonBody(req) as { appid?: unknown } | undefined;
  const appid = req.sbx.fields.appid ?? (typeof body?.appid === 'string' ? body.appid : undefined);
  return appid ? ctx.accounts.wechatByAppid(appid)?.id : undefined;
}

export function requireWxToken(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = req.sbx.fields.access_token;
    if (!token) return send(req, res, wxErrorReply(41001));
    const check = ctx.tokens.check(token);
    if (check.state === 'unknown' || check.state === 'revoked' || check.row.kind === 'weibo') {
      return send(req, res, wxErrorReply(40001));
    }
    if (check.state === 'expired') return send(req, res, wxErrorReply(42001));
    const account = ctx.accounts.get(check.row.account_id);
    if (!account || account.platform !== 'wechat') return send(req, res, wxErrorReply(40001));
    callers.set(req, account);
    next();
  };
}

function credentials(ctx: SandboxContext, appid: unknown, secret: unknown): WechatAccount {
  if (typeof appid !== 'string' || !appid) throw new WechatError(41002);
  if (typeof secret !== 'string' || !secret) throw new WechatError(41004);
  const account = ctx.accounts.wechatByAppid(appid);
  if (!account) throw new WechatError(40013);
  if (account.config.secret !== secret) throw new WechatError(40125);
  return account;
}

function quota(ctx: SandboxContext, bucket: string, limit: number): void {
  if (!ctx.counters.take(bucket, dayStart(ctx.clock.now()), limit).ok) throw new WechatError(45009);
}

export function tokenHandlers(ctx: SandboxContext) {
  const guard = (fn: (req: Request) => unknown) => (req: Request, res: Response) => {
    try {
      send(req, res, wxJson(fn(req)));
    } catch (e) {
      if (e instanceof WechatError) return send(req, res, wxErrorReply(e.code));
      throw e;
    }
  };

  const token = guard((req) => {
    const f = req.sbx.fields;
    if (f.grant_type !== 'client_credential') throw new WechatError(40002);
    const account = credentials(ctx, f.appid, f.secret);
    quota(ctx, `wx:token:${account.id}`, account.config.quotas.tokenPerDay);
    const row = ctx.tokens.issue(account.id, 'wx', account.config.tokenTtlSeconds);
    ctx.tokens.revokeOthers(account.id, 'wx', row.token, account.config.graceSeconds * 1000);
    return { access_token: row.token, expires_in: account.config.tokenTtlSeconds };
  });

  const stableToken = guard((req) => {
    if (req.method !== 'POST') throw new WechatError(43002);
    const body = jsonBody(req) as Record<string, unknown> | undefined;
    if (!body) throw new WechatError(47001);
    if (body.grant_type !== 'client_credential') throw new WechatError(40002);
    const account = credentials(ctx, body.appid, body.secret);
    const now = ctx.clock.now();
    const ttl = account.config.tokenTtlSeconds;
    if (body.force_refresh === true) {
      const last = ctx.tokens.current(account.id, 'wx_stable');
      if (last && now - last.issued_at < 30_000) throw new WechatError(45011);
      quota(ctx, `wx:stable_force:${account.id}`, 20);
      const row = ctx.tokens.issue(account.id, 'wx_stable', ttl);
      ctx.tokens.revokeOthers(account.id, 'wx_stable', row.token, 0);
      return { access_token: row.token, expires_in: ttl };
    }
    quota(ctx, `wx:stable:${account.id}`, 500_000);
    const live = ctx.tokens.current(account.id, 'wx_stable');
    if (live && live.expires_at - now > 300_000) {
      return { access_token: live.token, expires_in: Math.floor((live.expires_at - now) / 1000) };
    }
    // In its last 5 minutes a stable token is renewed; the old one stays valid until it expires.
    const row = ctx.tokens.issue(account.id, 'wx_stable', ttl);
    return { access_token: row.token, expires_in: ttl };
  });

  return { token, stableToken };
}
