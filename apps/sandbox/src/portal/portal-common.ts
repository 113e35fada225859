// The portal CMS API's conventions (our own design, documented in the README, in the style of Chinese
// government CMS APIs): JSON envelope {code, msg, data}; code 0 on success; X-Api-Key per site.
import type { Request } from 'express';
import type { PortalAccount } from '../core/accounts';
import type { Reply } from '../core/http';
import { jsonBody } from '../core/http';
import { isoCst } from '../core/time';
import type { ArticleRow } from './portal-repo';

export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly data: unknown = null,
  ) {
    super(message);
  }
}

export function portalReply(status: number, code: number, msg: string, data: unknown = null): Reply {
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ code, msg, data }),
  };
}

export function ok(data: unknown, status = 200): Reply {
  return portalReply(status, 0, 'ok', data);
}

/** Request fields from a JSON body or a form, over the query string. */
export function input(req: Request): Record<string, string> {
  const out: Record<string, string> = { ...req.sbx.fields };
  const json = jsonBody(req);
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
    }
  }
  return out;
}

export function siteBase(publicBase: string, site: PortalAccount): string {
  return `${publicBase}/sites/${site.config.siteId}`;
}

/** Site-relative path of an article page, in the /column/yyyymm/tyyyymmdd_id.html style of gov CMSes. */
export function articlePath(a: ArticleRow): string {
  const day = isoCst(a.published_at).slice(0, 10).replace(/-/g, '');
  return `/${a.column_code}/${day.slice(0, 6)}/t${day}_${a.id}.html`;
}

export function articleJson(publicBase: string, site: PortalAccount, a: ArticleRow) {
  return {
    id: a.id,
    column: a.column_code,
    columnName: site.config.columns.find((c) => c.code === a.column_code)?.name ?? a.column_code,
    title: a.title,
    summary: a.summary ?? '',
    content: a.content,
    author: a.author ?? '',
    source: a.source ?? '',
    clientRef: a.client_ref,
    url: siteBase(publicBase, site) + articlePath(a),
    publishedAt: isoCst(a.published_at),
    createdAt: isoCst(a.created_at),
  };
}
