// Published messages (freepublish/batchget) → publications, and the `articles` stream read newest-first by
// offset: new messages push older ones down, so offsets repeat items (upserts absorb it) but never skip one.
import { z } from 'zod';
import type { ChannelAccount, CollectBatch, CollectedPublication } from '../channel.interface';
import { decodeCursor, encodeCursor } from '../cursor';
import { htmlToText } from '../text';
import { type WechatClient } from './wechat-client';
import { articleExternalId } from './wechat-refs';
import { publishedList, type PublishedMessage } from './wechat-wire';

/** batchget's largest page. */
export const PAGE = 20;

const articlesCursor = z.object({
  /** update_time (s) of the newest message fully collected. */
  since: z.number().int().nullable(),
  /** While paging down: the newest update_time of this catch-up, and where the next page starts. */
  top: z.number().int().optional(),
  offset: z.number().int().optional(),
});

export function publishedPage(
  client: WechatClient,
  account: ChannelAccount,
  offset: number,
  withContent: boolean,
) {
  return client.call(account, {
    path: '/cgi-bin/freepublish/batchget',
    body: { kind: 'json', value: { offset, count: PAGE, no_content: withContent ? 0 : 1 } },
    schema: publishedList,
    write: false,
  });
}

/**
 * One publication per article of a message. The API does not say whether an article was declared original
 * (原创), so collected articles are `unclassified`; what Sunlight itself published keeps the kind it was sent as.
 */
export function messageToPublications(m: PublishedMessage): CollectedPublication[] {
  return m.content.news_item.flatMap((a, i) =>
    a.is_deleted
      ? []
      : [
          {
            externalId: articleExternalId(m.article_id, i + 1, a.url),
            kind: 'unclassified' as const,
            title: a.title,
            text: htmlToText(a.content || a.digest || ''),
            url: a.url || null,
            publishedAt: new Date(m.update_time * 1000),
          },
        ],
  );
}

export async function collectArticles(
  client: WechatClient,
  account: ChannelAccount,
  cursor: string | null,
): Promise<CollectBatch> {
  const state = decodeCursor(articlesCursor, cursor) ?? { since: null };
  const offset = state.offset ?? 0;
  const page = await publishedPage(client, account, offset, true);
  const since = state.since;
  // ≥, not >: another message may share the boundary second; repeats are harmless, gaps are not.
  const fresh = page.item.filter((m) => since === null || m.update_time >= since);
  const times = page.item.map((m) => m.update_time);
  const top = state.top ?? (times.length ? Math.max(...times) : undefined);
  const reachedOld = fresh.length < page.item.length;
  const more = !reachedOld && page.item.length > 0 && offset + page.item.length < page.total_count;
  const next = more ? { since, top, offset: offset + page.item.length } : { since: top ?? since };
  return {
    publications: fresh.flatMap(messageToPublications),
    interactions: [],
    cursor: encodeCursor(next),
    more,
  };
}
