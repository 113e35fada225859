// 订阅源: any RSS 2.0, RSS 1.0 or Atom URL — including RSSHub routes for public Weibo and WeChat timelines —
// read only. One stream, `items` (someone's timeline → publications); cursor {etag?, lastModified?}.
import { Injectable } from '@nestjs/common';
import { PermanentError } from '../channel-errors';
import type {
  ChannelAccount,
  ChannelProvider,
  CollectBatch,
  ConnectionCheck,
  MetricSample,
} from '../channel.interface';
import { collectFeed } from './feed-batch';
import { feedItemToPublication } from './feed-items';
import { FeedReader } from './feed-reader';

const STREAMS = ['items'] as const;

function readOnly(): Promise<never> {
  return Promise.reject(new PermanentError({ code: null, message: '订阅源只读 / feeds are read-only' }));
}

@Injectable()
export class FeedProvider implements ChannelProvider {
  readonly channel = 'feed' as const;
  readonly streams = STREAMS;

  constructor(private readonly reader: FeedReader) {}

  async testConnection(account: ChannelAccount): Promise<ConnectionCheck> {
    const read = await this.reader.read(feedUrl(account));
    if (read.notModified) return { displayName: feedUrl(account) };
    return {
      displayName: read.title || feedUrl(account),
      detail: `${read.items.length} 条 / ${read.items.length} items`,
    };
  }

  refreshToken = readOnly;
  publish = readOnly;
  fetchPublicationStatus = readOnly;
  reply = readOnly;

  collect(account: ChannelAccount, stream: string, cursor: string | null): Promise<CollectBatch> {
    if (stream !== 'items')
      return Promise.reject(
        new PermanentError({
          code: null,
          message: `订阅源没有数据流 ${stream} / unknown feed stream ${stream}`,
        }),
      );
    return collectFeed(this.reader, feedUrl(account), cursor, feedItemToPublication);
  }

  /** A feed carries no statistics. */
  fetchMetrics(): Promise<MetricSample[]> {
    return Promise.resolve([]);
  }
}

function feedUrl(account: ChannelAccount): string {
  return account.settings.url ?? account.baseUrl;
}
