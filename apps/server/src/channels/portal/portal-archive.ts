// The `archive` stream, walked only by a history import (历史导入): the CMS's article list, newest first, page
// by page, back to the site's first article. The site feed that polling reads shows only the latest items.
// New articles push older ones down while the walk goes on, so a page may repeat an item (upserts absorb
// it) but never skips one. Cursor {page}: the next page to read.
import { z } from 'zod';
import type { ChannelAccount, CollectBatch, CollectedPublication } from '../channel.interface';
import { decodeCursor, encodeCursor } from '../cursor';
import { htmlToText } from '../text';
import { type PortalClient } from './portal-client';
import { articleList, type PortalArticle } from './portal-wire';

const archiveCursor = z.object({ page: z.number().int().positive() });
/** The CMS list's largest page. */
const PAGE = 100;

/**
 * An article of the site, counted as the feed counts it (portal-feed.ts): 原创, the site's own. The feed,
 * which polling reads afterwards, cannot tell a reprint, and the two must agree on the same row.
 */
export function articleToPublication(a: PortalArticle): CollectedPublication {
  return {
    externalId: String(a.id),
    kind: 'original',
    title: a.title,
    text: htmlToText(a.content ?? ''),
    url: a.url,
    publishedAt: new Date(a.publishedAt),
    columnCode: a.column,
  };
}

export async function collectArchive(
  client: PortalClient,
  account: ChannelAccount,
  cursor: string | null,
): Promise<CollectBatch> {
  const { page } = decodeCursor(archiveCursor, cursor) ?? { page: 1 };
  const list = await client.call(account, {
    method: 'GET',
    path: '/api/cms/articles',
    query: { page: String(page), limit: String(PAGE) },
    schema: articleList,
  });
  const more = list.items.length === PAGE && page * PAGE < list.total;
  return {
    publications: list.items.map(articleToPublication),
    interactions: [],
    cursor: encodeCursor({ page: page + 1 }),
    more,
  };
}
