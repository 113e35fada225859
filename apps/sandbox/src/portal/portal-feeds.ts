// Feeds of published articles: RSS 2.0 per column and for the whole site, Atom for the whole site.
// Conditional GET (ETag / Last-Modified) is honoured so collectors can poll cheaply. A site with
// feedStyle "legacy" serves RSS the way many government CMSes do: GB2312, relative links, zone-less
// "YYYY-MM-DD HH:mm:ss" dates, a bare "&" in the channel description and some items without pubDate.
import type { Request } from 'express';
import iconv from 'iconv-lite';
import type { PortalAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import type { Reply } from '../core/http';
import { sha1 } from '../core/ids';
import { cstDateTime } from '../core/time';
import { cdata, escapeXml } from '../core/xml';
import { articleJson, articlePath, siteBase } from './portal-common';
import type { ArticleRow, PortalRepo } from './portal-repo';

const FEED_SIZE = 50;

function conditional(req: Request, rows: ArticleRow[], build: () => Reply): Reply {
  const newest = rows.reduce((m, r) => Math.max(m, r.published_at, r.created_at), 0);
  const etag = `"${sha1(rows.map((r) => `${r.id}:${r.created_at}`).join(',')).slice(0, 16)}"`;
  const lastModified = new Date(newest || 0).toUTCString();
  const headers = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' };
  const since = req.headers['if-modified-since'];
  if (
    req.headers['if-none-match'] === etag ||
    (!req.headers['if-none-match'] && since && Date.parse(since) >= Math.floor(newest / 1000) * 1000)
  ) {
    return { status: 304, body: '', contentType: 'text/plain', headers };
  }
  const reply = build();
  return { ...reply, headers: { ...headers, ...reply.headers } };
}

export function feedHandlers(ctx: SandboxContext, repo: PortalRepo) {
  const rowsOf = (site: PortalAccount, column: string | null) =>
    repo.articles(site.id, { column, now: ctx.clock.now(), limit: FEED_SIZE }).rows;
  const columnName = (site: PortalAccount, code: string) =>
    site.config.columns.find((c) => c.code === code)?.name ?? code;

  const standardRss = (
    site: PortalAccount,
    column: string | null,
    rows: ArticleRow[],
    selfUrl: string,
  ): string => {
    const base = siteBase(ctx.publicBase, site);
    const title = column ? `${site.name} - ${columnName(site, column)}` : site.name;
    const items = rows
      .map((r) => {
        const a = articleJson(ctx.publicBase, site, r);
        return (
          `<item><title>${escapeXml(r.title)}</title><link>${escapeXml(a.url)}</link>` +
          `<guid isPermaLink="true">${escapeXml(a.url)}</guid><pubDate>${new Date(r.published_at).toUTCString()}</pubDate>` +
          `<category>${escapeXml(a.columnName)}</category>${r.author ? `<dc:creator>${escapeXml(r.author)}</dc:creator>` : ''}` +
          `<description>${cdata(r.content)}</description></item>`
        );
      })
      .join('\n');
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n` +
      `<title>${escapeXml(title)}</title><link>${escapeXml(column ? `${base}/${column}/` : `${base}/`)}</link>` +
      `<description>${escapeXml(title)}</description><language>zh-cn</language>` +
      `<lastBuildDate>${new Date(ctx.clock.now()).toUTCString()}</lastBuildDate><ttl>30</ttl>` +
      `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>\n${items}\n</channel>\n</rss>\n`
    );
  };

  const legacyRss = (site: PortalAccount, column: string | null, rows: ArticleRow[]): string => {
    const title = column ? `${site.name}-${columnName(site, column)}` : site.name;
    // Links are relative to the host, as on a CMS serving the site at its root; here the site's root is
    // /sites/<siteId>, so that is where they start.
    const root = new URL(siteBase(ctx.publicBase, site)).pathname;
    const items = rows
      .map((r, i) => {
        const path = root + articlePath(r);
        // Every fifth item lacks its date, as some CMS templates drop it.
        const date = i % 5 === 4 ? '' : `<pubDate>${cstDateTime(r.published_at)}</pubDate>`;
        const body = r.content.replace(/src="https?:\/\/[^/"]+(?=\/)/g, 'src="');
        return `<item><title>${escapeXml(r.title)}</title><link>${path}</link>${date}<description>${escapeXml(body)}</description></item>`;
      })
      .join('\r\n');
    return (
      `<?xml version="1.0" encoding="gb2312"?>\r\n<rss version="2.0">\r\n<channel>\r\n<title>${escapeXml(title)}</title>` +
      `<link>${column ? `${root}/${column}/` : `${root}/`}</link><description>${escapeXml(title)}权威发布&便民服务</description>\r\n${items}\r\n</channel>\r\n</rss>\r\n`
    );
  };

  const rss = (req: Request, site: PortalAccount, column: string | null): Reply | null => {
    if (column && !site.config.columns.some((c) => c.code === column)) return null;
    const rows = rowsOf(site, column);
    return conditional(req, rows, () => {
      if (site.config.feedStyle === 'legacy') {
        return {
          status: 200,
          contentType: 'text/xml; charset=gb2312',
          body: iconv.encode(legacyRss(site, column, rows), 'gb2312'),
        };
      }
      const self = `${ctx.publicBase}${req.originalUrl.split('?')[0]}`;
      return {
        status: 200,
        contentType: 'application/rss+xml; charset=utf-8',
        body: standardRss(site, column, rows, self),
      };
    });
  };

  const atom = (req: Request, site: PortalAccount): Reply => {
    const rows = rowsOf(site, null);
    const base = siteBase(ctx.publicBase, site);
    return conditional(req, rows, () => {
      const updated = new Date(rows[0]?.published_at ?? ctx.clock.now()).toISOString();
      const entries = rows
        .map((r) => {
          const a = articleJson(ctx.publicBase, site, r);
          const when = new Date(r.published_at).toISOString();
          return (
            `<entry><title>${escapeXml(r.title)}</title><id>${escapeXml(a.url)}</id><link href="${escapeXml(a.url)}"/>` +
            `<published>${when}</published><updated>${when}</updated><author><name>${escapeXml(r.author || site.name)}</name></author>` +
            `<category term="${r.column_code}" label="${escapeXml(a.columnName)}"/>` +
            `<summary>${escapeXml(r.summary ?? r.title)}</summary><content type="html">${escapeXml(r.content)}</content></entry>`
          );
        })
        .join('\n');
      const body =
        `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>${escapeXml(site.name)}</title>` +
        `<id>${escapeXml(`${base}/`)}</id><link href="${escapeXml(`${base}/`)}"/><link rel="self" href="${escapeXml(`${base}/atom.xml`)}"/>` +
        `<updated>${updated}</updated>\n${entries}\n</feed>\n`;
      return { status: 200, contentType: 'application/atom+xml; charset=utf-8', body };
    });
  };

  return { rss, atom };
}
