// The `comments` stream (留言): comment/list for each commentable article of the recent messages. The
// list has no "since" parameter, so an article is read again only when its total changed, and only
// comments above the highest id seen are returned.
import { z } from 'zod';
import { mapLimited } from '../../common/map-limited';
import { ChannelError } from '../channel-errors';
import type { ChannelAccount, CollectBatch, CollectedInteraction } from '../channel.interface';
import { decodeCursor, encodeCursor } from '../cursor';
import { publishedPage } from './wechat-articles';
import { type WechatClient } from './wechat-client';
import { type ArticleRef, refFromUrl, refId } from './wechat-refs';
import { commentList } from './wechat-wire';

/** Comments come in the first weeks after publishing. */
const WATCH_DAYS = 30;
/** comment/list takes 1–49 (50 is refused, research §2.6). */
const LIST_COUNT = 49;
/** comment/list calls per collect run; the rest waits for the next run. */
const CALLS_PER_RUN = 30;

const commentsCursor = z.object({
  articles: z.record(z.string(), z.object({ total: z.number().int(), maxId: z.number().int() })),
});
type Seen = z.infer<typeof commentsCursor>['articles'][string];

export async function collectComments(
  client: WechatClient,
  account: ChannelAccount,
  cursor: string | null,
  now: Date,
): Promise<CollectBatch> {
  const state = decodeCursor(commentsCursor, cursor) ?? { articles: {} };
  const page = await publishedPage(client, account, 0, false);
  const cutoff = now.getTime() / 1000 - WATCH_DAYS * 86_400;
  const watched = page.item
    .filter((m) => m.update_time >= cutoff)
    .flatMap((m) => m.content.news_item)
    .filter((a) => !a.is_deleted && a.need_open_comment !== 0)
    .map((a) => refFromUrl(a.url))
    .filter((r): r is ArticleRef => r !== null);

  const articles: Record<string, Seen> = {};
  const interactions: CollectedInteraction[] = [];
  let calls = 0;
  let more = false;
  for (const ref of watched) {
    const id = refId(ref);
    const prev = state.articles[id] ?? { total: -1, maxId: 0 };
    articles[id] = prev;
    if (calls >= CALLS_PER_RUN) {
      more = true;
      continue;
    }
    const read = await readArticle(client, account, ref, prev, CALLS_PER_RUN - calls);
    if (read === 'noComments') return { publications: [], interactions: [], cursor, more: false };
    calls += read.calls;
    if (read.complete) articles[id] = read.seen;
    else more = true;
    interactions.push(...read.fresh);
  }
  return { publications: [], interactions, cursor: encodeCursor({ articles }), more };
}

const archiveCursor = z.object({ offset: z.number().int().nonnegative() });
/** comment/list calls for one article in the archive walk: up to 49 × this many comments. */
const ARCHIVE_CALLS_PER_ARTICLE = 20;
/** Articles read at once in the archive walk. */
const PARALLEL_ARTICLES = 6;

/**
 * The `comment-archive` stream, walked only by a history import: the comments of every message ever
 * published, a page of messages (newest first, by offset) at a time. Polling's `comments` stream watches
 * the last month only; the rows both find are the same (by comment id).
 */
export async function collectCommentArchive(
  client: WechatClient,
  account: ChannelAccount,
  cursor: string | null,
): Promise<CollectBatch> {
  const { offset } = decodeCursor(archiveCursor, cursor) ?? { offset: 0 };
  const page = await publishedPage(client, account, offset, false);
  const refs = page.item
    .flatMap((m) => m.content.news_item)
    .filter((a) => !a.is_deleted && a.need_open_comment !== 0)
    .map((a) => refFromUrl(a.url))
    .filter((r): r is ArticleRef => r !== null);
  const reads = await mapLimited(refs, PARALLEL_ARTICLES, (ref) =>
    readArticle(client, account, ref, { total: -1, maxId: 0 }, ARCHIVE_CALLS_PER_ARTICLE),
  );
  if (reads.includes('noComments')) return { publications: [], interactions: [], cursor, more: false };
  const interactions = reads.flatMap((r) => (r === 'noComments' ? [] : r.fresh));
  const next = offset + page.item.length;
  return {
    publications: [],
    interactions,
    cursor: encodeCursor({ offset: next }),
    more: page.item.length > 0 && next < page.total_count,
  };
}

async function readArticle(
  client: WechatClient,
  account: ChannelAccount,
  ref: ArticleRef,
  prev: Seen,
  budget: number,
): Promise<'noComments' | { calls: number; complete: boolean; seen: Seen; fresh: CollectedInteraction[] }> {
  const fresh: CollectedInteraction[] = [];
  let maxId = prev.maxId;
  let total = 0;
  let calls = 0;
  for (let begin = 0; calls < budget; begin += LIST_COUNT) {
    let list;
    try {
      calls++;
      list = await client.call(account, {
        path: '/cgi-bin/comment/list',
        // `index` is 0-based in the official list doc.
        body: {
          kind: 'json',
          value: { msg_data_id: ref.msgDataId, index: ref.idx - 1, begin, count: LIST_COUNT, type: 0 },
        },
        schema: commentList,
        write: false,
      });
    } catch (e) {
      // 88000: the account has no comment privilege — nothing to collect, not a failure.
      if (e instanceof ChannelError && e.fault.code === '88000') return 'noComments';
      // 88001: the message is gone (deleted): skip it.
      if (e instanceof ChannelError && e.fault.code === '88001')
        return { calls, complete: true, seen: prev, fresh: [] };
      throw e;
    }
    total = list.total;
    if (begin === 0 && total === prev.total) return { calls, complete: true, seen: prev, fresh };
    for (const c of list.comment) {
      if (c.user_comment_id <= prev.maxId) continue;
      maxId = Math.max(maxId, c.user_comment_id);
      fresh.push({
        externalId: `${refId(ref)}_${c.user_comment_id}`,
        kind: 'comment',
        text: c.content,
        authorId: c.openid ?? null,
        authorName: null,
        createdAt: new Date(c.create_time * 1000),
        publicationExternalId: refId(ref),
        parentExternalId: null,
        replyContext: {
          msgDataId: ref.msgDataId,
          idx: String(ref.idx),
          userCommentId: String(c.user_comment_id),
        },
      });
    }
    if (list.comment.length === 0 || begin + LIST_COUNT >= total)
      return { calls, complete: true, seen: { total, maxId }, fresh };
  }
  return { calls, complete: false, seen: prev, fresh };
}
