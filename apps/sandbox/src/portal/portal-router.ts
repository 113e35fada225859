// The portal CMS stand-in, one site per portal account under /sites/<siteId>/: public pages and feeds,
// the letter form, and the key-protected CMS API under /api/cms/.
import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';
import type { PortalAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { send, writeReply, type Reply } from '../core/http';
import { minuteStart } from '../core/time';
import { faultLayer, type FaultRenderer } from '../faults/fault-layer';
import { articleHandlers, type PortalHandler } from './portal-articles';
import { PortalError, portalReply } from './portal-common';
import { feedHandlers } from './portal-feeds';
import { letterHandlers } from './portal-letters';
import { pageHandlers } from './portal-pages';
import { PortalRepo } from './portal-repo';
import { statsHandler } from './portal-stats';

const sites = new WeakMap<Request, PortalAccount>();
const siteOf = (req: Request): PortalAccount => sites.get(req)!;

const rateLimited = (): Reply => ({
  ...portalReply(429, 42900, '请求过于频繁，请稍后再试'),
  headers: { 'Retry-After': '60' },
});

const renderer: FaultRenderer = {
  platformError: (_req, rule) =>
    portalReply(rule.status ?? 500, rule.code ?? 50000, rule.message ?? '系统繁忙，请稍后再试'),
  rateLimit: rateLimited,
  tokenExpired: (_req, rule) => portalReply(401, rule.code ?? 40101, 'API Key 已过期'),
};

const notFound = (): Reply => portalReply(404, 40400, '页面不存在');

export function portalRouter(ctx: SandboxContext): { router: Router; repo: PortalRepo } {
  const repo = new PortalRepo(ctx.db);
  const articles = articleHandlers(ctx, repo);
  const letters = letterHandlers(ctx, repo);
  const feeds = feedHandlers(ctx, repo);
  const pages = pageHandlers(ctx, repo);
  const stats = statsHandler(ctx, repo);

  const outer = Router();
  const site = Router({ mergeParams: true });
  outer.use(
    '/sites/:siteId',
    (req: Request, res: Response, next: NextFunction) => {
      const account = ctx.accounts.portalBySite(String(req.params.siteId));
      if (!account) return writeReply(res, portalReply(404, 40400, '站点不存在'));
      sites.set(req, account);
      next();
    },
    site,
  );

  site.use(
    faultLayer(ctx.faults, ctx.timers, 'portal', renderer, (req) => ({
      accountId: siteOf(req).id,
      endpoint: req.path,
    })),
  );

  const handle = (fn: PortalHandler) => (req: Request, res: Response) => {
    try {
      send(req, res, fn(req, siteOf(req)));
    } catch (e) {
      if (e instanceof PortalError) return send(req, res, portalReply(e.status, e.code, e.message, e.data));
      console.error('[sandbox] portal handler failed', e);
      send(req, res, portalReply(500, 50000, '系统错误'));
    }
  };

  const api = Router({ mergeParams: true });
  site.use('/api/cms', api);
  api.use((req: Request, res: Response, next: NextFunction) => {
    const s = siteOf(req);
    const key = req.headers['x-api-key'];
    if (!key) return send(req, res, portalReply(401, 40100, '缺少 X-Api-Key'));
    if (key !== s.config.apiKey) return send(req, res, portalReply(401, 40100, 'X-Api-Key 无效'));
    if (
      !ctx.counters.take(`portal:rpm:${s.id}`, minuteStart(ctx.clock.now()), s.config.rateLimitPerMinute).ok
    ) {
      return send(req, res, rateLimited());
    }
    next();
  });
  api.post('/articles', handle(articles.create));
  api.get('/articles', handle(articles.list));
  api.get('/articles/:id', handle(articles.get));
  api.delete('/articles/:id', handle(articles.remove));
  api.get('/columns', handle(articles.columns));
  api.get('/letters', handle(letters.list));
  api.get('/letters/:id', handle(letters.get));
  api.post('/letters/:id/reply', handle(letters.reply));
  api.get('/stats/pageviews', handle(stats));
  api.use((req: Request, res: Response) => send(req, res, portalReply(404, 40400, '接口不存在')));

  const reply = (fn: (req: Request, s: PortalAccount) => Reply | null) => (req: Request, res: Response) =>
    send(req, res, fn(req, siteOf(req)) ?? notFound());
  site.post('/letters', handle(letters.submit));
  site.get(
    '/rss.xml',
    reply((req, s) => feeds.rss(req, s, null)),
  );
  site.get(
    '/atom.xml',
    reply((req, s) => feeds.atom(req, s)),
  );
  site.get(
    '/rss/:file',
    reply((req, s) => {
      const m = /^([a-z0-9_-]+)\.xml$/.exec(String(req.params.file));
      return m ? feeds.rss(req, s, m[1]!) : null;
    }),
  );
  site.get(
    '/',
    reply((_req, s) => pages.home(s)),
  );
  site.get(
    '/:column/',
    reply((req, s) => pages.column(s, String(req.params.column))),
  );
  site.get(
    '/:column/:month/:file',
    reply((req, s) => pages.article(s, String(req.params.column), String(req.params.file))),
  );
  site.use(reply(() => null));
  return { router: outer, repo };
}
