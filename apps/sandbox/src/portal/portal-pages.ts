// The site's public pages: home, column index, article page (each view counts in the statistics).
import type { PortalAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import type { Reply } from '../core/http';
import { cstDateTime, ymd } from '../core/time';
import { escapeXml } from '../core/xml';
import { articlePath, siteBase } from './portal-common';
import type { ArticleRow, PortalRepo } from './portal-repo';

const page = (title: string, body: string): Reply => ({
  status: 200,
  contentType: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body>${body}</body></html>`,
});

export function pageHandlers(ctx: SandboxContext, repo: PortalRepo) {
  const list = (site: PortalAccount, rows: ArticleRow[]) =>
    `<ul>${rows
      .map(
        (r) =>
          `<li><a href="${siteBase(ctx.publicBase, site)}${articlePath(r)}">${escapeXml(r.title)}</a> <span>${ymd(r.published_at)}</span></li>`,
      )
      .join('')}</ul>`;

  const home = (site: PortalAccount): Reply => {
    const now = ctx.clock.now();
    const sections = site.config.columns
      .map(
        (c) =>
          `<section><h2><a href="${siteBase(ctx.publicBase, site)}/${c.code}/">${escapeXml(c.name)}</a></h2>${list(site, repo.articles(site.id, { column: c.code, now, limit: 5 }).rows)}</section>`,
      )
      .join('');
    repo.addViews(site.id, ymd(now), 0, 1);
    return page(site.name, `<h1>${escapeXml(site.name)}</h1>${sections}`);
  };

  const column = (site: PortalAccount, code: string): Reply | null => {
    const c = site.config.columns.find((x) => x.code === code);
    if (!c) return null;
    const rows = repo.articles(site.id, { column: code, now: ctx.clock.now(), limit: 50 }).rows;
    return page(`${c.name}-${site.name}`, `<h1>${escapeXml(c.name)}</h1>${list(site, rows)}`);
  };

  const article = (site: PortalAccount, code: string, file: string): Reply | null => {
    const m = /^t\d{8}_(\d+)\.html$/.exec(file);
    const row = m ? repo.article(site.id, Number(m[1])) : undefined;
    if (!row || row.column_code !== code || row.published_at > ctx.clock.now()) return null;
    repo.addViews(site.id, ymd(ctx.clock.now()), row.id, 1);
    const meta = `<p>发布时间：${cstDateTime(row.published_at)} 来源：${escapeXml(row.source ?? site.name)}</p>`;
    return page(
      `${row.title}-${site.name}`,
      `<h1>${escapeXml(row.title)}</h1>${meta}<article>${row.content}</article>`,
    );
  };

  return { home, column, article };
}
