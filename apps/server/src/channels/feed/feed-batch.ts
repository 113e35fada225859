// A feed read as one collect step: the conditional-GET validators are the cursor, a 304 is `notModified`,
// items repeated inside one document count once. Shared by the feed and portal providers.
import { z } from 'zod';
import type { CollectBatch, CollectedPublication } from '../channel.interface';
import { decodeCursor, encodeCursor } from '../cursor';
import { type FeedItem, type FeedReader } from './feed-reader';

export const feedCursor = z.object({ etag: z.string().optional(), lastModified: z.string().optional() });

export async function collectFeed(
  reader: FeedReader,
  url: string,
  cursor: string | null,
  toPublication: (item: FeedItem) => CollectedPublication,
): Promise<CollectBatch> {
  const validators = decodeCursor(feedCursor, cursor) ?? {};
  const read = await reader.read(url, validators);
  const next = encodeCursor(read.validators);
  if (read.notModified)
    return { publications: [], interactions: [], cursor: next, more: false, notModified: true };
  const seen = new Set<string>();
  const publications: CollectedPublication[] = [];
  for (const item of read.items) {
    const p = toPublication(item);
    if (seen.has(p.externalId)) continue;
    seen.add(p.externalId);
    publications.push(p);
  }
  return { publications, interactions: [], cursor: next, more: false };
}
