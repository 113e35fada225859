// CMS article API: create (idempotent per clientRef; the same title and body in the same column within
// 30 days is refused as a duplicate), list, get, withdraw, and the column list.
import type { Request } from 'express';
import type { PortalAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import type { Reply } from '../core/http';
import { articleJson, input, ok, PortalError } from './portal-common';
import type { PortalRepo } from './portal-repo';

const DUPLICATE_WINDOW_MS = 30 * 86_400_000;

export type PortalHandler = (req: Request, site: PortalAccount) => Reply;

function positiveInt(v: string | undefined, dflt: number, max: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new PortalError(400, 40001, `参数错误: ${v}`);
  return Math.min(n, max);
}

export function articleHandlers(ctx: SandboxContext, repo: PortalRepo) {
  const json = (site: PortalAccount, a: Parameters<typeof articleJson>[2]) =>
    articleJson(ctx.publicBase, site, a);

  const create: PortalHandler = (req, site) => {
    const f = input(req);
    const column = f.column ?? '';
    if (!site.config.columns.some((c) => c.code === column))
      throw new PortalError(400, 40002, `栏目不存在: ${column}`);
    const title = (f.title ?? '').trim();
    const content = f.content ?? '';
    if (!title) throw new PortalError(400, 40001, '标题不能为空 (title is required)');
    if ([...title].length > 200) throw new PortalError(400, 40001, '标题过长 (title longer than 200)');
    if (!content.trim()) throw new PortalError(400, 40001, '正文不能为空 (content is required)');
    const clientRef = f.clientRef?.trim() || null;
    if (clientRef) {
      // The same clientRef is a replay of the same request: answer with the article created the first time.
      const prior = repo.byClientRef(site.id, clientRef);
      if (prior) return ok({ ...json(site, prior), replayed: true });
    }
    const now = ctx.clock.now();
    const dup = repo.sameContent(site.id, column, title, content, now - DUPLICATE_WINDOW_MS);
    if (dup) {
      ctx.ledger.recordRejection(site.id, '/api/cms/articles', 40900, `${title}\n${content}`);
      throw new PortalError(409, 40900, '重复稿件: 同一栏目30天内已有相同标题和正文的文章', {
        existingId: dup.id,
      });
    }
    let publishedAt = now;
    if (f.publishedAt) {
      publishedAt = Date.parse(f.publishedAt);
      if (Number.isNaN(publishedAt))
        throw new PortalError(400, 40001, `publishedAt 不是有效时间: ${f.publishedAt}`);
    }
    const id = repo.insertArticle({
      account_id: site.id,
      column_code: column,
      title,
      content,
      summary: f.summary ?? null,
      author: f.author ?? null,
      source: f.source ?? null,
      client_ref: clientRef,
      published_at: publishedAt,
      created_at: now,
    });
    const row = repo.article(site.id, id)!;
    ctx.ledger.record({
      accountId: site.id,
      platform: 'portal',
      externalId: String(id),
      kind: 'article',
      origin: 'api',
      endpoint: '/api/cms/articles',
      title,
      text: content,
      status: 'published',
      at: now,
    });
    return ok({ ...json(site, row), replayed: false }, 201);
  };

  const list: PortalHandler = (req, site) => {
    const f = input(req);
    if (f.clientRef) {
      const row = repo.byClientRef(site.id, f.clientRef);
      return ok({ total: row && !row.deleted ? 1 : 0, items: row && !row.deleted ? [json(site, row)] : [] });
    }
    if (f.column && !site.config.columns.some((c) => c.code === f.column))
      throw new PortalError(400, 40002, `栏目不存在: ${f.column}`);
    const limit = positiveInt(f.limit, 20, 100) || 20;
    const page = Math.max(1, positiveInt(f.page, 1, 100_000));
    const result = repo.articles(site.id, {
      column: f.column ?? null,
      sinceId: positiveInt(f.since_id, 0, Number.MAX_SAFE_INTEGER),
      now: ctx.clock.now(),
      limit,
      offset: (page - 1) * limit,
    });
    return ok({ total: result.total, page, items: result.rows.map((r) => json(site, r)) });
  };

  const get: PortalHandler = (req, site) => {
    const row = repo.article(site.id, Number(req.params.id));
    if (!row) throw new PortalError(404, 40400, '文章不存在');
    return ok(json(site, row));
  };

  const remove: PortalHandler = (req, site) => {
    const id = Number(req.params.id);
    if (!repo.deleteArticle(site.id, id)) throw new PortalError(404, 40400, '文章不存在');
    ctx.ledger.setStatus('portal', String(id), 'deleted');
    return ok({ id, deleted: true });
  };

  const columns: PortalHandler = (_req, site) => {
    const now = ctx.clock.now();
    return ok(
      site.config.columns.map((c) => {
        const r = repo.articles(site.id, { column: c.code, now, limit: 1 });
        return {
          code: c.code,
          name: c.name,
          articles: r.total,
          latestPublishedAt: r.rows[0] ? articleJson(ctx.publicBase, site, r.rows[0]).publishedAt : null,
        };
      }),
    );
  };

  return { create, list, get, remove, columns };
}
