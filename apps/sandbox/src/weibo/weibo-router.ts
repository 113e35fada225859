// The Weibo Open Platform API v2 stand-in: https://api.weibo.com/2/... and /oauth2/...
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { SandboxContext } from '../core/context';
import { send } from '../core/http';
import { faultLayer, type FaultRenderer } from '../faults/fault-layer';
import { accountOfToken, requireToken, tokenOf } from './weibo-auth';
import { WeiboComments } from './weibo-comments';
import { WeiboError, weiboErrorReply, weiboOk } from './weibo-errors';
import { weiboOauthRouter } from './weibo-oauth';
import { WeiboRepo } from './weibo-repo';
import { WeiboSerializer } from './weibo-serialize';
import { WeiboStatuses, type Handler } from './weibo-statuses';
import { usersHandlers } from './weibo-users';

const renderer: FaultRenderer = {
  platformError: (req, rule) => weiboErrorReply(req, rule.code ?? 10001, [], rule.message, rule.status),
  rateLimit: (req, rule) =>
    weiboErrorReply(req, rule.code ?? 10023, [req.path.replace(/^\/2/, '').replace(/\.json$/, '')]),
  tokenExpired: (req, rule) => weiboErrorReply(req, rule.code ?? 21327),
};

const isWeiboPath = (path: string): boolean => path.startsWith('/2/') || path.startsWith('/oauth2/');

export function weiboRouter(ctx: SandboxContext): Router {
  const repo = new WeiboRepo(ctx.db);
  const statuses = new WeiboStatuses(ctx, repo);
  const comments = new WeiboComments(ctx, repo);
  const users = usersHandlers(ctx, repo, statuses);
  const r = Router();

  const layer = faultLayer(ctx.faults, ctx.timers, 'weibo', renderer, (req) => ({
    accountId: accountOfToken(ctx, tokenOf(req)),
    endpoint: req.path,
  }));
  r.use((req, res, next) => (isWeiboPath(req.path) ? layer(req, res, next) : next()));
  r.use(weiboOauthRouter(ctx));
  r.use('/2', requireToken(ctx));

  const route = (method: 'GET' | 'POST', path: string, fn: Handler): void => {
    r.all(`/2${path}`, (req: Request, res: Response) => {
      if (req.method !== method) return send(req, res, weiboErrorReply(req, 10021));
      try {
        send(req, res, weiboOk(fn(req, new WeiboSerializer(ctx, repo))));
      } catch (e) {
        if (e instanceof WeiboError) return send(req, res, weiboErrorReply(req, e.code, e.args, e.custom));
        console.error('[sandbox] weibo handler failed', e);
        send(req, res, weiboErrorReply(req, 10001));
      }
    });
  };

  route('POST', '/statuses/share.json', statuses.share);
  route('POST', '/statuses/repost.json', statuses.repost);
  route('POST', '/statuses/destroy.json', statuses.destroy);
  route('GET', '/statuses/show.json', statuses.show);
  route('GET', '/statuses/user_timeline.json', statuses.userTimeline);
  route('GET', '/statuses/repost_timeline.json', statuses.repostTimeline);
  route('GET', '/statuses/mentions.json', statuses.mentions);
  route('GET', '/statuses/count.json', statuses.count);
  route('GET', '/comments/show.json', comments.show);
  route('GET', '/comments/to_me.json', comments.toMe);
  route('GET', '/comments/by_me.json', comments.byMe);
  route('GET', '/comments/timeline.json', comments.timeline);
  route('GET', '/comments/mentions.json', comments.mentions);
  route('POST', '/comments/create.json', comments.create);
  route('POST', '/comments/reply.json', comments.reply);
  route('POST', '/comments/destroy.json', comments.destroy);
  route('GET', '/users/show.json', users.show!);
  route('GET', '/account/get_uid.json', users.getUid!);
  route('GET', '/account/rate_limit_status.json', users.rateLimitStatus!);

  r.all('/2/{*rest}', (req: Request, res: Response) => send(req, res, weiboErrorReply(req, 10020)));
  return r;
}
