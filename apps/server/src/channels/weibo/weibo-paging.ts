// Gap-free incremental reading of Weibo's newest-first lists.
//
// A poll asks for everything newer than `since`. When more arrived than one page holds, the rest is read
// backwards with max_id over the following calls; `since` moves to the newest id only once the walk has
// met the old high-water mark, so a crash mid-walk repeats pages (upserts absorb that) but never skips one.
// max_id is inclusive, so the item it names comes back again: anything at or above `floor` is dropped.
import { z } from 'zod';

export const walkState = z.object({
  /** Highest id fully collected; null before the first poll. */
  since: z.string().nullable(),
  /** While walking back: the newest id of this catch-up, and the oldest id returned so far. */
  top: z.string().optional(),
  floor: z.string().optional(),
});
export type WalkState = z.infer<typeof walkState>;

/** Items per list call: the largest every list endpoint accepts. */
export const PAGE_SIZE = '100';

/** next_cursor 0 (or none) means the list ends here. */
export function hasNext(next: string | undefined): boolean {
  return next !== undefined && next !== '0';
}

export interface WeiboPage<T> {
  items: T[];
  /** next_cursor was not 0: older items wait behind this page. */
  more: boolean;
}

export type PageFetcher<T> = (bounds: { since_id?: string; max_id?: string }) => Promise<WeiboPage<T>>;

export interface WalkStep<T> {
  items: T[];
  state: WalkState;
  more: boolean;
}

const big = (id: string): bigint => BigInt(id);
const maxOf = (ids: string[]): string => ids.reduce((a, b) => (big(b) > big(a) ? b : a));
const minOf = (ids: string[]): string => ids.reduce((a, b) => (big(b) < big(a) ? b : a));

export async function walkStep<T>(
  state: WalkState,
  idOf: (item: T) => string,
  fetchPage: PageFetcher<T>,
): Promise<WalkStep<T>> {
  const page = await fetchPage({ since_id: state.since ?? undefined, max_id: state.floor });
  const floor = state.floor;
  const items = floor === undefined ? page.items : page.items.filter((i) => big(idOf(i)) < big(floor));
  const ids = items.map(idOf);
  const top = state.top ?? (ids.length ? maxOf(ids) : undefined);
  if (page.more && ids.length > 0) {
    return { items, state: { since: state.since, top, floor: minOf(ids) }, more: true };
  }
  const since = top ?? state.since;
  return { items, state: { since }, more: false };
}

/**
 * The items of a newest-first list back to the first one `isOld` says is too old (or the list's end), reading
 * at most `pages` pages with max_id. Null when the cap came first: what is older was not seen.
 */
export async function readBack<T>(
  idOf: (item: T) => string,
  fetchPage: PageFetcher<T>,
  isOld: (item: T) => boolean,
  pages: number,
): Promise<T[] | null> {
  const found: T[] = [];
  let floor: string | undefined;
  for (let n = 0; n < pages; n++) {
    const page = await fetchPage({ max_id: floor });
    const items = floor === undefined ? page.items : page.items.filter((i) => big(idOf(i)) < big(floor!));
    found.push(...items.filter((i) => !isOld(i)));
    if (!page.more || items.length === 0 || items.some(isOld)) return found;
    floor = minOf(items.map(idOf));
  }
  return null;
}
