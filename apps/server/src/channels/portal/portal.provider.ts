// 门户网站: the portal CMS HTTP API (apps/sandbox/README.md "Portal CMS API") for publishing, letters and
// statistics, and the site's RSS/Atom feed for what is published (by Sunlight or anyone else).
//
// Streams and their cursors (JSON):
//   feed     the site feed (settings.feedUrl, default <base>/rss.xml) → publications with their column   {etag?, lastModified?}
//   letters  局长信箱 letters (GET /api/cms/letters) → interactions of kind `letter`                        {sinceId}
//   archive  history imports only: every article through the CMS list (portal-archive.ts)                {page}
//   stats    history imports only: page views by day back to the first article (daily-stats-walk.ts)   {day, stop}
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { shanghaiDayOf } from '../../common/shanghai-time';
import { Clock } from '../../common/clock';
import { PermanentError, ReauthRequiredError } from '../channel-errors';
import type {
  ChannelAccount,
  ChannelProvider,
  CollectBatch,
  ConnectionCheck,
  MetricSample,
  OutgoingPublication,
  PublicationLookup,
  PublicationStatus,
  PublishResult,
  ReplyTarget,
  TokenGrant,
} from '../channel.interface';
import { type DailyStats, walkDailyStats } from '../daily-stats-walk';
import { collectFeed } from '../feed/feed-batch';
import { FeedReader } from '../feed/feed-reader';
import { ChannelHttp } from '../http/channel-http';
import { PortalClient } from './portal-client';
import { portalItemToPublication } from './portal-feed';
import { collectArchive } from './portal-archive';
import { collectLetters } from './portal-letters';
import { article, articleList, column, letter, pageViewsByDay } from './portal-wire';

const STREAMS = ['feed', 'letters'] as const;
/** The feed holds the latest items only: an import walks the CMS's whole article list instead. */
const IMPORT_STREAMS = ['archive', 'letters', 'stats'] as const;
/** Page views are reported by day; the last week is read again each run (late views, missed runs). */
const METRIC_DAYS = 7;
/** The statistics feed answers up to 92 days a call; a month keeps the answers small. */
const STATS_SPAN_DAYS = 31;
const DAY_MS = 86_400_000;

@Injectable()
export class PortalProvider implements ChannelProvider {
  readonly channel = 'portal' as const;
  readonly streams = STREAMS;
  readonly importStreams = IMPORT_STREAMS;
  private readonly api: PortalClient;

  constructor(
    http: ChannelHttp,
    private readonly clock: Clock,
    private readonly reader: FeedReader,
  ) {
    this.api = new PortalClient(http, clock);
  }

  /** The key is checked by the column list; the site's name comes from its feed. */
  async testConnection(account: ChannelAccount): Promise<ConnectionCheck> {
    const columns = await this.api.call(account, {
      method: 'GET',
      path: '/api/cms/columns',
      schema: z.array(column),
    });
    const feed = await this.reader.read(feedUrl(account));
    const name = !feed.notModified && feed.title ? feed.title : account.baseUrl;
    return {
      displayName: name,
      detail: `${columns.length} 个栏目：${columns.map((c) => c.name).join('、')} / ${columns.length} columns`,
    };
  }

  /** The portal uses an API key: there is no token to refresh. */
  refreshToken(): Promise<TokenGrant> {
    return Promise.reject(
      new ReauthRequiredError({
        code: null,
        message: '门户使用 API Key，无令牌可刷新 / the portal uses an API key',
      }),
    );
  }

  /** clientRef = idempotency key: the CMS answers a replay with the article it created the first time. */
  async publish(account: ChannelAccount, p: OutgoingPublication): Promise<PublishResult> {
    if (!p.columnCode)
      throw new PermanentError({ code: null, message: '门户文章需要栏目 / a portal article needs a column' });
    const a = await this.api.call(account, {
      method: 'POST',
      path: '/api/cms/articles',
      json: {
        column: p.columnCode,
        title: p.title,
        content: p.body,
        summary: p.digest,
        author: p.author,
        clientRef: p.idempotencyKey,
      },
      schema: article,
    });
    return { state: 'published', externalId: String(a.id), url: a.url, publishedAt: new Date(a.publishedAt) };
  }

  async fetchPublicationStatus(
    account: ChannelAccount,
    lookup: PublicationLookup,
  ): Promise<PublicationStatus> {
    const list = await this.api.call(account, {
      method: 'GET',
      path: '/api/cms/articles',
      query: { clientRef: lookup.idempotencyKey },
      schema: articleList,
    });
    const a = list.items[0];
    return a
      ? { state: 'published', externalId: String(a.id), url: a.url, publishedAt: new Date(a.publishedAt) }
      : { state: 'absent' };
  }

  collect(account: ChannelAccount, stream: string, cursor: string | null): Promise<CollectBatch> {
    switch (stream) {
      case 'feed':
        return collectFeed(this.reader, feedUrl(account), cursor, portalItemToPublication);
      case 'letters':
        return collectLetters(this.api, account, cursor);
      case 'archive':
        return collectArchive(this.api, account, cursor);
      case 'stats':
        return walkDailyStats(this.stats(account), cursor, this.clock.now());
      default:
        return Promise.reject(
          new PermanentError({
            code: null,
            message: `门户没有数据流 ${stream} / unknown portal stream ${stream}`,
          }),
        );
    }
  }

  /** 答复 a letter; the CMS keeps one official reply per letter. */
  async reply(account: ChannelAccount, target: ReplyTarget, text: string): Promise<{ externalId: string }> {
    const id = target.replyContext?.letterId ?? target.interactionExternalId;
    await this.api.call(account, {
      method: 'POST',
      path: `/api/cms/letters/${encodeURIComponent(id)}/reply`,
      json: { content: text },
      schema: letter,
    });
    return { externalId: `letter-${id}-reply` };
  }

  async fetchMetrics(account: ChannelAccount, externalIds: readonly string[]): Promise<MetricSample[]> {
    const wanted = new Set(externalIds);
    if (wanted.size === 0) return [];
    const now = this.clock.now().getTime();
    // Today is included: its count is partial, and the next run's sample for the same day replaces it.
    const days = await this.stats(account).days(
      shanghaiDayOf(new Date(now - METRIC_DAYS * DAY_MS)),
      shanghaiDayOf(new Date(now)),
    );
    return days.filter((s) => wanted.has(s.externalId));
  }

  /** Page views by day from the statistics feed, a quarter a call at most, and the day of the first article. */
  private stats(account: ChannelAccount): DailyStats {
    return {
      span: STATS_SPAN_DAYS,
      days: async (from, to) => {
        const range = await this.api.call(account, {
          method: 'GET',
          path: '/api/cms/stats/pageviews',
          query: { from, to, by: 'article' },
          schema: pageViewsByDay,
        });
        return range.days.flatMap((d) =>
          d.articles.map((a) => ({ externalId: String(a.id), day: d.date, pageViews: a.views })),
        );
      },
      oldestDay: async () => {
        const newest = await this.api.call(account, {
          method: 'GET',
          path: '/api/cms/articles',
          query: { limit: '1' },
          schema: articleList,
        });
        if (newest.total === 0) return null;
        const oldest = await this.api.call(account, {
          method: 'GET',
          path: '/api/cms/articles',
          query: { limit: '1', page: String(newest.total) },
          schema: articleList,
        });
        const first = oldest.items[0] ?? newest.items[0];
        return first ? shanghaiDayOf(new Date(first.publishedAt)) : null;
      },
    };
  }
}

function feedUrl(account: ChannelAccount): string {
  return account.settings.feedUrl ?? `${account.baseUrl.replace(/\/+$/, '')}/rss.xml`;
}
