// Files and pages the platform responses link to: Weibo pictures and avatars, WeChat material images,
// and published WeChat article pages (<public base>/s/<slug>).
import { prep } from './core/db';
import fs from 'node:fs';
import { Router, type Request, type Response, type NextFunction } from 'express';
import type { SandboxContext } from './core/context';
import { findMedia, mediaFile, PLACEHOLDER_PNG } from './core/media';
import { escapeXml } from './core/xml';
import { cstDateTime } from './core/time';
import type { NewsItem } from './wechat/wechat-repo';

function sendFile(ctx: SandboxContext, res: Response, id: string): void {
  const file = mediaFile(ctx, id);
  const media = file ? findMedia(ctx, id) : undefined;
  if (!file || !media) {
    res.status(200).type('image/png').send(PLACEHOLDER_PNG);
    return;
  }
  res.status(200).type(media.mime).send(fs.readFileSync(file));
}

export function staticRoutes(ctx: SandboxContext): Router {
  const r = Router();
  r.get('/wbimg/:size/:file', (req: Request, res: Response) =>
    sendFile(ctx, res, String(req.params.file).replace(/\.\w+$/, '')),
  );
  r.get('/media/:id', (req: Request, res: Response) => sendFile(ctx, res, String(req.params.id)));
  r.get('/:dir/:id/0', (req: Request, res: Response, next: NextFunction) => {
    if (!String(req.params.dir).startsWith('mmbiz_')) return next();
    sendFile(ctx, res, String(req.params.id));
  });
  // Published articles: /s?mid=&idx=&sn=<slug> as the APIs link them, /s/<slug> for draft previews.
  const servePage = (slug: string, res: Response, next: NextFunction): void => {
    if (!/^[A-Za-z0-9_-]{10,40}$/.test(slug)) return next();
    const row = prep(
      ctx.db,
      `SELECT account_id, articles, finish_at FROM wx_publish WHERE articles LIKE ? AND outcome = 0 AND finish_at <= ?`,
    ).get(`%"slug":"${slug}"%`, ctx.clock.now()) as
      { account_id: string; articles: string; finish_at: number } | undefined;
    const article = row ? (JSON.parse(row.articles) as NewsItem[]).find((a) => a.slug === slug) : undefined;
    if (!row || !article) return next();
    const account = ctx.accounts.get(row.account_id);
    res
      .status(200)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeXml(article.title)}</title></head><body>` +
          `<h1>${escapeXml(article.title)}</h1><p>${escapeXml(article.author || account?.name || '')} ${cstDateTime(row.finish_at)}</p>` +
          `<div id="js_content">${article.content}</div></body></html>`,
      );
  };
  r.get('/s/:slug', (req: Request, res: Response, next: NextFunction) =>
    servePage(String(req.params.slug), res, next),
  );
  r.get('/s', (req: Request, res: Response, next: NextFunction) =>
    servePage(typeof req.query.sn === 'string' ? req.query.sn : '', res, next),
  );
  return r;
}
