// Assembles the HTTP app: control API, the three platform stand-ins, an RSSHub route, and the static
// files and pages their responses link to.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { controlRouter } from './control/control-router';
import type { SandboxContext } from './core/context';
import { parseBody } from './core/http';
import { portalRouter } from './portal/portal-router';
import { PublicSimulator } from './public-simulator/simulator';
import { PublicTicker } from './public-simulator/ticker';
import { rsshubRouter } from './rsshub/weibo-user';
import { staticRoutes } from './static-routes';
import { wechatRouter } from './wechat/wechat-router';
import { weiboRouter } from './weibo/weibo-router';

export interface SandboxApp {
  app: Express;
  sim: PublicSimulator;
  ticker: PublicTicker;
}

export function buildApp(ctx: SandboxContext): SandboxApp {
  const sim = new PublicSimulator(ctx);
  const ticker = new PublicTicker(ctx, sim);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(ctx.requestLog.middleware());
  app.use((req: Request, res: Response, next: NextFunction) => {
    void parseBody(req, res, next);
  });
  app.use('/__control', controlRouter(ctx, sim, ticker));
  app.use(weiboRouter(ctx));
  app.use(wechatRouter(ctx).router);
  app.use(portalRouter(ctx).router);
  app.use(rsshubRouter(ctx));
  app.use(staticRoutes(ctx));
  app.use((_req: Request, res: Response) => {
    res.status(404).type('text/html').send('<html><body><h1>404 Not Found</h1></body></html>');
  });
  return { app, sim, ticker };
}
