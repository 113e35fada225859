// 局长信箱 / 留言: letters from the public, read in id order with since_id; cursor {sinceId}.
import { z } from 'zod';
import type { ChannelAccount, CollectBatch } from '../channel.interface';
import { decodeCursor, encodeCursor } from '../cursor';
import { type PortalClient } from './portal-client';
import { letterPage } from './portal-wire';

const lettersCursor = z.object({ sinceId: z.number().int().nonnegative() });
const PAGE = '100';

export async function collectLetters(
  client: PortalClient,
  account: ChannelAccount,
  cursor: string | null,
): Promise<CollectBatch> {
  const state = decodeCursor(lettersCursor, cursor) ?? { sinceId: 0 };
  const page = await client.call(account, {
    method: 'GET',
    path: '/api/cms/letters',
    query: { since_id: String(state.sinceId), limit: PAGE },
    schema: letterPage,
  });
  return {
    publications: [],
    interactions: page.items.map((l) => ({
      externalId: String(l.id),
      kind: 'letter' as const,
      title: l.title,
      text: l.content,
      authorId: null,
      authorName: l.name ?? null,
      createdAt: new Date(l.submittedAt),
      publicationExternalId: null,
      parentExternalId: null,
      replyContext: { letterId: String(l.id) },
    })),
    cursor: encodeCursor({ sinceId: page.nextSinceId }),
    more: page.hasMore,
  };
}
