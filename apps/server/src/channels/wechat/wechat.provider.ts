// 微信公众号: the WeChat Official Account API (research/channel-apis.md §2).
//
// Streams and their cursors (JSON):
//   articles  published messages (freepublish/batchget) → one publication per article    {since, top?, offset?}
//   comments  留言 on the articles of the last 30 days (comment/list)                       {articles: {id: {total, maxId}}}
// Followers' messages (私信) are pushed, not polled: see wechat-push.ts.
// Article ids are "<msg_data_id>_<idx>" (wechat-refs.ts); a publish is `pending` under its publish_id.
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
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
import { walkDailyStats } from '../daily-stats-walk';
import { ChannelHttp } from '../http/channel-http';
import { collectArticles, publishedPage } from './wechat-articles';
import { WechatClient } from './wechat-client';
import { collectCommentArchive, collectComments } from './wechat-comments';
import { articleMetrics, dailyStats } from './wechat-metrics';
import { WechatPublisher } from './wechat-publisher';
import { accessToken, wechatStatus } from './wechat-wire';

const STREAMS = ['articles', 'comments'] as const;
/**
 * An import walks every message's comments and the statistics by day back to the first message; polling
 * watches the last month's comments and the last week's statistics.
 */
const IMPORT_STREAMS = ['articles', 'comment-archive', 'stats'] as const;

@Injectable()
export class WechatProvider implements ChannelProvider {
  readonly channel = 'wechat' as const;
  readonly streams = STREAMS;
  readonly importStreams = IMPORT_STREAMS;
  private readonly api: WechatClient;
  private readonly publisher: WechatPublisher;

  /** `publishingWindowMs`: how long a send may leave no trace on the platform before it counts as absent. */
  constructor(
    http: ChannelHttp,
    private readonly clock: Clock,
    publishingWindowMs?: number,
  ) {
    this.api = new WechatClient(http, clock);
    this.publisher = new WechatPublisher(this.api, clock, publishingWindowMs);
  }

  /**
   * Checks appid + secret through stable_token, which leaves the token the workers use alone (a /token call
   * would retire it), then reads the published list with it. The API offers no account name to show.
   */
  async testConnection(account: ChannelAccount): Promise<ConnectionCheck> {
    const { appid, secret } = credentials(account);
    const token = await this.api.call(account, {
      path: '/cgi-bin/stable_token',
      body: { kind: 'json', value: { grant_type: 'client_credential', appid, secret, force_refresh: false } },
      schema: accessToken,
      write: false,
      auth: false,
    });
    const page = await publishedPage(this.api, { ...account, accessToken: token.access_token }, 0, false);
    return {
      displayName: `公众号 ${appid}`,
      detail: `凭据有效，已发布 ${page.total_count} 条消息 / credentials valid, ${page.total_count} messages published`,
    };
  }

  /** GET /cgi-bin/token: each call retires the previous token after ~5 minutes, so one refresher per account. */
  async refreshToken(account: ChannelAccount): Promise<TokenGrant> {
    const { appid, secret } = credentials(account);
    const t = await this.api.call(account, {
      method: 'GET',
      path: '/cgi-bin/token',
      query: { grant_type: 'client_credential', appid, secret },
      schema: accessToken,
      write: false,
      auth: false,
    });
    return {
      accessToken: t.access_token,
      expiresAt: new Date(this.clock.now().getTime() + t.expires_in * 1000),
    };
  }

  publish(account: ChannelAccount, p: OutgoingPublication): Promise<PublishResult> {
    return this.publisher.publish(account, p);
  }

  fetchPublicationStatus(account: ChannelAccount, lookup: PublicationLookup): Promise<PublicationStatus> {
    return this.publisher.status(account, lookup);
  }

  collect(account: ChannelAccount, stream: string, cursor: string | null): Promise<CollectBatch> {
    switch (stream) {
      case 'articles':
        return collectArticles(this.api, account, cursor);
      case 'comments':
        return collectComments(this.api, account, cursor, this.clock.now());
      case 'comment-archive':
        return collectCommentArchive(this.api, account, cursor);
      case 'stats':
        return walkDailyStats(dailyStats(this.api, account), cursor, this.clock.now());
      default:
        return Promise.reject(
          new PermanentError({
            code: null,
            message: `微信没有数据流 ${stream} / unknown WeChat stream ${stream}`,
          }),
        );
    }
  }

  /** Answers a 留言 (comment/reply/add). Followers' messages would need the customer-service API. */
  async reply(account: ChannelAccount, target: ReplyTarget, text: string): Promise<{ externalId: string }> {
    const c = target.replyContext ?? {};
    if (!c.msgDataId || !c.idx || !c.userCommentId) {
      throw new PermanentError({
        code: null,
        message: '只能回复文章留言；私信需通过客服消息回复 / only article comments can be answered here',
      });
    }
    await this.api.call(account, {
      path: '/cgi-bin/comment/reply/add',
      body: {
        kind: 'json',
        value: {
          msg_data_id: c.msgDataId,
          index: Number(c.idx) - 1,
          user_comment_id: Number(c.userCommentId),
          content: text,
        },
      },
      schema: wechatStatus,
      write: true,
    });
    // A comment has one official reply, so the comment's id names it.
    return { externalId: `${target.interactionExternalId}:reply` };
  }

  fetchMetrics(account: ChannelAccount, externalIds: readonly string[]): Promise<MetricSample[]> {
    return articleMetrics(this.api, account, externalIds, this.clock.now());
  }
}

const wechatCredentials = z.object({ appid: z.string().min(1), secret: z.string().min(1) });

function credentials(account: ChannelAccount): z.infer<typeof wechatCredentials> {
  const parsed = wechatCredentials.safeParse({
    appid: account.settings.appid,
    secret: account.secrets.secret,
  });
  if (!parsed.success)
    throw new ReauthRequiredError({
      code: null,
      message: '缺少 AppID 或 AppSecret / appid or secret missing',
    });
  return parsed.data;
}
