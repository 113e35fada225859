// Feed items → publications. A feed is someone's timeline: what it says is what was published.
import type { PublicationKind } from '@sunlight/contracts';
import type { CollectedPublication } from '../channel.interface';
import { type FeedItem } from './feed-reader';

// RSSHub's Weibo route links items to weibo.com/<uid>/<bid> and quotes a repost as "- 转发" in a blockquote.
const WEIBO_STATUS = /^https?:\/\/(?:www\.)?weibo\.com\/\d+\/\w+$/;

/** 原创/转发 where the feed tells (an RSSHub Weibo timeline); anything else is unclassified. */
export function feedItemKind(item: FeedItem): PublicationKind {
  if (!item.link || !WEIBO_STATUS.test(item.link)) return 'unclassified';
  return /<blockquote>\s*-\s*转发/.test(item.html) ? 'forward' : 'original';
}

export function feedItemToPublication(item: FeedItem): CollectedPublication {
  return {
    externalId: item.key,
    kind: feedItemKind(item),
    title: item.title,
    text: item.text,
    url: item.link,
    publishedAt: item.publishedAt,
  };
}
