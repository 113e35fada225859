// Page-view statistics: one day by column and article, or daily totals over a range (≤ 92 days), with each
// day's articles when asked (by=article).
import type { SandboxContext } from '../core/context';
import { DAY_MS, parseYmd, ymd } from '../core/time';
import type { PortalHandler } from './portal-articles';
import { input, ok, PortalError } from './portal-common';
import type { PortalRepo } from './portal-repo';

export function statsHandler(_ctx: SandboxContext, repo: PortalRepo): PortalHandler {
  return (req, site) => {
    const f = input(req);
    if (f.date) {
      if (parseYmd(f.date) === null) throw new PortalError(400, 40001, 'date 应为 YYYY-MM-DD');
      const rows = repo.viewsOn(site.id, f.date);
      const columns = site.config.columns.map((c) => ({
        column: c.code,
        name: c.name,
        views: rows.filter((r) => r.column_code === c.code).reduce((s, r) => s + r.views, 0),
      }));
      return ok({
        date: f.date,
        total: rows.reduce((s, r) => s + r.views, 0),
        columns,
        articles: rows
          .filter((r) => r.article_id > 0)
          .map((r) => ({
            id: r.article_id,
            title: r.title ?? '',
            column: r.column_code ?? '',
            views: r.views,
          })),
      });
    }
    const from = parseYmd(f.from ?? '');
    const to = parseYmd(f.to ?? '');
    if (from === null || to === null || to < from || (to - from) / DAY_MS > 91) {
      throw new PortalError(400, 40001, '需要 date，或 from/to (YYYY-MM-DD，跨度不超过92天)');
    }
    const rows = repo.dailyViews(site.id, f.from!, f.to!);
    // by=article: each day's articles too, so a collector reads a quarter in one call instead of 92.
    const byArticle = f.by === 'article';
    const days = [];
    for (let t = from; t <= to; t += DAY_MS) {
      const d = ymd(t);
      const total = rows.find((r) => r.ref_date === d)?.views ?? 0;
      days.push(
        byArticle
          ? {
              date: d,
              total,
              articles: repo
                .viewsOn(site.id, d)
                .filter((r) => r.article_id > 0)
                .map((r) => ({ id: r.article_id, column: r.column_code ?? '', views: r.views })),
            }
          : { date: d, total },
      );
    }
    return ok({ from: f.from, to: f.to, total: days.reduce((s, d) => s + d.total, 0), days });
  };
}
