// An RSSHub stand-in for /weibo/user/:uid (mount the feed adapter's RSSHub base at <sandbox>/rsshub):
// the user's timeline in RSSHub's item format, so feed collection of public Weibo timelines can be
// tested offline. Links use Weibo's base62 "bid" as RSSHub does.
import { Router, type Request, type Response } from 'express';
import type { SandboxContext } from '../core/context';
import { cdata, escapeXml } from '../core/xml';
import { WeiboRepo } from '../weibo/weibo-repo';

const B62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Weibo mid → bid: 7-digit groups from the right, each written in base62 (4 chars, but the first). */
export function midToBid(mid: string): string {
  const groups: string[] = [];
  for (let end = mid.length; end > 0; end -= 7) groups.unshift(mid.slice(Math.max(0, end - 7), end));
  return groups
    .map((g, i) => {
      let n = Number(g);
      let s = '';
      do {
        s = B62[n % 62]! + s;
        n = Math.floor(n / 62);
      } while (n > 0);
      return i === 0 ? s : s.padStart(4, '0');
    })
    .join('');
}

export function rsshubRouter(ctx: SandboxContext): Router {
  const repo = new WeiboRepo(ctx.db);
  const r = Router();
  r.get('/rsshub/weibo/user/:uid', (req: Request, res: Response) => {
    const uid = String(req.params.uid);
    const account = ctx.accounts.weiboByUid(uid);
    const name = account?.name ?? repo.user(uid)?.screen_name;
    if (!name) {
      res.status(404).type('text/plain').send('Error: user not found');
      return;
    }
    const limit = Math.min(100, Number(req.query.limit ?? 20) || 20);
    const rows = repo.timeline(uid, 0, { count: limit, page: 1 }).rows;
    const items = rows
      .map((s) => {
        const original = s.retweeted_id ? repo.status(s.retweeted_id, true) : undefined;
        const originalUser = original
          ? (ctx.accounts.weiboByUid(original.uid)?.name ?? repo.user(original.uid)?.screen_name ?? '')
          : '';
        const title = original ? `${s.text} - 转发 ${originalUser}: ${original.text}` : s.text;
        let description = escapeXml(s.text).replace(/\n/g, '<br>');
        if (original) {
          description += `<br><blockquote> - 转发 <a href="https://weibo.com/${original.uid}" target="_blank">@${escapeXml(originalUser)}</a>:&ensp;${escapeXml(original.text)}</blockquote>`;
        }
        const link = `https://weibo.com/${uid}/${midToBid(s.id)}`;
        return (
          `<item><title>${cdata(title)}</title><description>${cdata(description)}</description>` +
          `<pubDate>${new Date(s.created_at).toUTCString()}</pubDate><guid isPermaLink="false">${link}</guid><link>${link}</link>` +
          `<author>${cdata(name)}</author></item>`
        );
      })
      .join('\n');
    const self = `${ctx.publicBase}${req.originalUrl.split('?')[0]}`;
    res
      .status(200)
      .type('application/xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>` +
          `<title>${cdata(`${name}的微博`)}</title><link>https://weibo.com/${uid}/</link><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>` +
          `<description>${cdata(`${name}的微博 - Powered by RSSHub`)}</description><generator>RSSHub</generator><language>en</language>` +
          `<lastBuildDate>${new Date(ctx.clock.now()).toUTCString()}</lastBuildDate><ttl>5</ttl>\n${items}\n</channel></rss>`,
      );
  });
  return r;
}
