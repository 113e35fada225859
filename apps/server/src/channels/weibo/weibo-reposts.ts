// The `reposts` stream: reposts of our newest statuses, read with repost_timeline only where a status's
// reposts_count grew since the last run, so a quiet account costs one timeline call per run.
// Cursor: {posts: {<status id>: {seen: reposts_count fully collected, walk: see weibo-paging.ts}}}.
import { z } from 'zod';
import type { ChannelAccount, CollectBatch } from '../channel.interface';
import { decodeCursor, encodeCursor } from '../cursor';
import { type WeiboClient } from './weibo-client';
import { statusToInteraction } from './weibo-mappers';
import { hasNext, PAGE_SIZE, walkState, walkStep } from './weibo-paging';
import { idOf, repostList, statusList } from './weibo-wire';

/** Our newest statuses are where reposts happen; older ones are left alone. */
const WATCH = '20';
/** repost_timeline calls per collect run: the rest waits for the next run (`more`). */
const WALKS_PER_RUN = 8;

const repostsCursor = z.object({
  posts: z.record(z.string(), z.object({ seen: z.number().int().nonnegative(), walk: walkState })),
});
type Watched = z.infer<typeof repostsCursor>['posts'];

export async function collectReposts(
  api: WeiboClient,
  account: ChannelAccount,
  uid: string,
  cursor: string | null,
): Promise<CollectBatch> {
  const state = decodeCursor(repostsCursor, cursor) ?? { posts: {} };
  const recent = await api.call(account, {
    method: 'GET',
    path: '/2/statuses/user_timeline.json',
    params: { uid, count: WATCH },
    schema: statusList,
  });
  const posts: Watched = {};
  const interactions: CollectBatch['interactions'] = [];
  let walks = 0;
  let more = false;
  for (const s of recent.statuses) {
    const id = idOf(s);
    const prev = state.posts[id] ?? { seen: 0, walk: { since: null } };
    const count = s.reposts_count ?? 0;
    posts[id] = prev;
    // Nothing new, and no walk half done.
    if (prev.walk.floor === undefined && count <= prev.seen) continue;
    if (walks >= WALKS_PER_RUN) {
      more = true;
      continue;
    }
    walks++;
    const step = await walkStep(prev.walk, idOf, async (bounds) => {
      const list = await api.call(account, {
        method: 'GET',
        path: '/2/statuses/repost_timeline.json',
        params: { id, count: PAGE_SIZE, ...bounds },
        schema: repostList,
      });
      return { items: list.reposts, more: hasNext(list.next_cursor) };
    });
    interactions.push(...step.items.map((r) => statusToInteraction(r, uid, id)));
    posts[id] = { seen: step.more ? prev.seen : Math.max(prev.seen, count), walk: step.state };
    more ||= step.more;
  }
  return { publications: [], interactions, cursor: encodeCursor({ posts }), more };
}
