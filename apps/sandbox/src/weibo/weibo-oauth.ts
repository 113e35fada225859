// /oauth2/*: authorize (auto-approves, as the sandbox has no login page to click through), access_token,
// get_token_info and revokeoauth2. Re-authorising returns the user's live token with a renewed expiry.
import { prep } from '../core/db';
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { WeiboAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { send, writeReply } from '../core/http';
import { randomHex } from '../core/ids';
import { oauthErrorReply, weiboErrorReply, weiboOk } from './weibo-errors';
import { tokenOf } from './weibo-auth';

const CODE_TTL_MS = 10 * 60_000;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function weiboOauthRouter(ctx: SandboxContext): Router {
  const r = Router();
  const appAccounts = (clientId: string): WeiboAccount[] =>
    ctx.accounts
      .list('weibo')
      .filter((a): a is WeiboAccount => a.platform === 'weibo' && a.config.appKey === clientId);

  r.get('/oauth2/authorize', (req: Request, res: Response) => {
    const f = req.sbx.fields;
    if (!f.client_id || !f.redirect_uri)
      return send(req, res, oauthErrorReply(req, 21323, 'client_id and redirect_uri are required'));
    if (f.response_type && f.response_type !== 'code')
      return send(req, res, oauthErrorReply(req, 21329, f.response_type));
    const candidates = appAccounts(f.client_id);
    if (candidates.length === 0)
      return send(req, res, oauthErrorReply(req, 21324, `unknown appkey ${f.client_id}`));
    // With several users of one app, the sandbox asks which one logs in (a `uid` parameter skips the page).
    const chosen = f.uid
      ? candidates.find((a) => a.config.uid === f.uid)
      : candidates.length === 1
        ? candidates[0]
        : undefined;
    if (!chosen) {
      const links = candidates
        .map((a) => {
          const q = new URLSearchParams({ ...f, uid: a.config.uid });
          return `<li><a href="/oauth2/authorize?${escapeHtml(q.toString())}">${escapeHtml(a.name)} (${a.config.uid})</a></li>`;
        })
        .join('');
      writeReply(res, {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><meta charset="utf-8"><title>微博授权</title><h1>选择授权账号</h1><ul>${links}</ul>`,
      });
      return;
    }
    const code = randomHex(32);
    prep(
      ctx.db,
      'INSERT INTO oauth_codes (code, account_id, client_id, redirect_uri, expires_at) VALUES (?, ?, ?, ?, ?)',
    ).run(code, chosen.id, f.client_id, f.redirect_uri, ctx.clock.now() + CODE_TTL_MS);
    const target = new URL(f.redirect_uri);
    target.searchParams.set('code', code);
    if (f.state) target.searchParams.set('state', f.state);
    res.redirect(302, target.toString());
  });

  r.post('/oauth2/access_token', (req: Request, res: Response) => {
    const f = req.sbx.fields;
    if (f.grant_type !== 'authorization_code') {
      return send(req, res, oauthErrorReply(req, 21328, `unsupported grant_type: ${f.grant_type ?? ''}`));
    }
    if (!f.client_id || !f.client_secret || !f.code || !f.redirect_uri) {
      return send(
        req,
        res,
        oauthErrorReply(req, 21323, 'client_id, client_secret, code and redirect_uri are required'),
      );
    }
    const row = prep(ctx.db, 'SELECT * FROM oauth_codes WHERE code = ?').get(f.code) as
      | { account_id: string; client_id: string; redirect_uri: string; expires_at: number; used: number }
      | undefined;
    if (!row || row.used || row.expires_at < ctx.clock.now()) {
      return send(req, res, oauthErrorReply(req, 21325, `invalid authorization code:${f.code}`));
    }
    const account = ctx.accounts.get(row.account_id);
    if (!account || account.platform !== 'weibo' || account.config.appKey !== f.client_id) {
      return send(req, res, oauthErrorReply(req, 21324, 'client_id does not match the code'));
    }
    if (account.config.appSecret !== f.client_secret)
      return send(req, res, oauthErrorReply(req, 21324, 'invalid client_secret'));
    if (row.redirect_uri !== f.redirect_uri)
      return send(req, res, oauthErrorReply(req, 21322, 'redirect_uri_mismatch'));
    prep(ctx.db, 'UPDATE oauth_codes SET used = 1 WHERE code = ?').run(f.code);
    const ttl = account.config.tokenTtlSeconds;
    const live = ctx.tokens.current(account.id, 'weibo');
    const token = ctx.tokens.issue(account.id, 'weibo', ttl, live?.token);
    send(
      req,
      res,
      weiboOk({
        access_token: token.token,
        remind_in: String(ttl),
        expires_in: ttl,
        uid: account.config.uid,
        isRealName: 'true',
      }),
    );
  });

  r.post('/oauth2/get_token_info', (req: Request, res: Response) => {
    const token = tokenOf(req);
    if (!token) return send(req, res, oauthErrorReply(req, 21323, 'access_token is required'));
    const check = ctx.tokens.check(token);
    if (check.state === 'unknown') return send(req, res, weiboErrorReply(req, 21332));
    if (check.state === 'expired') return send(req, res, weiboErrorReply(req, 21327));
    if (check.state === 'revoked') return send(req, res, weiboErrorReply(req, 21316));
    const account = ctx.accounts.get(check.row.account_id) as WeiboAccount;
    send(
      req,
      res,
      weiboOk({
        uid: Number(account.config.uid),
        appkey: account.config.appKey,
        scope: null,
        create_at: Math.floor(check.row.issued_at / 1000),
        expire_in: Math.floor((check.row.expires_at - ctx.clock.now()) / 1000),
      }),
    );
  });

  r.all('/oauth2/revokeoauth2', (req: Request, res: Response) => {
    const token = tokenOf(req);
    const check = token ? ctx.tokens.check(token) : { state: 'unknown' as const };
    if (check.state === 'unknown') return send(req, res, weiboErrorReply(req, 21332));
    prep(ctx.db, 'UPDATE tokens SET revoked_at = ? WHERE token = ?').run(ctx.clock.now(), token);
    send(req, res, weiboOk({ result: 'true' }));
  });

  return r;
}
