// 微博: the Weibo Open Platform API v2 (research/channel-apis.md §1).
//
// Streams and their cursors (JSON, see weibo-paging.ts):
//   timeline  own statuses (user_timeline) → publications, 原创/转发 told apart by retweeted_status   {since, top?, floor?}
//   comments  comments on our statuses and replies to us (comments/to_me) → comment | reply        {since, top?, floor?}
//   mentions  statuses that @ us (statuses/mentions) → mention, or repost when it reposts ours      {since, top?, floor?}
//   reposts   reposts of our recent statuses (weibo-reposts.ts)                                   {posts: {id: {seen, walk}}}
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Clock } from '../../common/clock';
import { PermanentError, ReauthRequiredError, RetryableError } from '../channel-errors';
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
import { decodeCursor, encodeCursor } from '../cursor';
import { ChannelHttp } from '../http/channel-http';
import { WeiboClient } from './weibo-client';
import { commentToInteraction, statusToInteraction, statusToPublication, weiboDate } from './weibo-mappers';
import { hasNext, PAGE_SIZE, type PageFetcher, readBack, walkState, walkStep } from './weibo-paging';
import { collectReposts } from './weibo-reposts';
import { sameWeiboText } from './weibo-text';
import {
  commentList,
  idOf,
  statusCounts,
  statusList,
  tokenInfo,
  weiboComment,
  weiboStatus,
  weiboUser,
} from './weibo-wire';

const STREAMS = ['timeline', 'comments', 'mentions', 'reposts'] as const;
const COUNT_IDS_PER_CALL = 100;
/** Server clocks differ: a status a little older than our send can still be ours. */
const CLOCK_SLACK_MS = 2 * 60_000;
/** A lookup of a send without an id reads at most this many timeline pages (100 statuses each) back to it. */
const LOOKUP_PAGES = 20;

@Injectable()
export class WeiboProvider implements ChannelProvider {
  readonly channel = 'weibo' as const;
  readonly streams = STREAMS;
  private readonly api: WeiboClient;

  constructor(http: ChannelHttp, clock: Clock) {
    this.api = new WeiboClient(http, clock);
  }

  async testConnection(account: ChannelAccount): Promise<ConnectionCheck> {
    const info = await this.api.call(account, {
      method: 'POST',
      path: '/oauth2/get_token_info',
      params: { access_token: account.accessToken ?? undefined },
      schema: tokenInfo,
      write: false,
    });
    const expected = account.settings.uid;
    if (expected && expected !== info.uid) {
      throw new PermanentError({
        code: null,
        message: `令牌属于微博用户 ${info.uid}，不是 ${expected} / the token belongs to uid ${info.uid}, not ${expected}`,
      });
    }
    const user = await this.api.call(account, {
      method: 'GET',
      path: '/2/users/show.json',
      params: { uid: info.uid },
      schema: weiboUser,
    });
    const days = info.expire_in === undefined ? null : Math.floor(info.expire_in / 86_400);
    return {
      displayName: user.screen_name ?? user.name ?? info.uid,
      detail: `uid ${info.uid}${days === null ? '' : `，令牌剩余 ${days} 天 / token valid for ${days} more days`}`,
    };
  }

  /** Weibo web apps get no refresh token: only a person authorising again renews access. */
  refreshToken(): Promise<TokenGrant> {
    return Promise.reject(
      new ReauthRequiredError({
        code: null,
        message:
          '微博网页应用没有刷新令牌，请重新授权 / Weibo web apps have no refresh token: authorise the account again',
      }),
    );
  }

  async publish(account: ChannelAccount, p: OutgoingPublication): Promise<PublishResult> {
    const rip = clientIp(p.operatorIp);
    let status;
    if (p.kind === 'forward') {
      if (!p.forwardOf)
        throw new PermanentError({ code: null, message: '转发缺少原微博 / a forward needs forwardOf' });
      status = await this.api.call(account, {
        method: 'POST',
        path: '/2/statuses/repost.json',
        params: { id: p.forwardOf, status: p.body || undefined, rip },
        schema: weiboStatus,
      });
    } else {
      // statuses/share takes one picture.
      const pic = p.images?.[0];
      status = await this.api.call(account, {
        method: 'POST',
        path: '/2/statuses/share.json',
        params: { status: p.body, rip },
        files: pic
          ? [{ field: 'pic', fileName: pic.fileName, contentType: pic.contentType, data: pic.data }]
          : [],
        schema: weiboStatus,
      });
    }
    const pub = statusToPublication(status);
    return { state: 'published', externalId: pub.externalId, url: pub.url, publishedAt: pub.publishedAt };
  }

  async fetchPublicationStatus(
    account: ChannelAccount,
    lookup: PublicationLookup,
  ): Promise<PublicationStatus> {
    if (lookup.externalId) {
      try {
        const s = await this.api.call(account, {
          method: 'GET',
          path: '/2/statuses/show.json',
          params: { id: lookup.externalId },
          schema: weiboStatus,
        });
        return published(s);
      } catch (e) {
        // 20101: target weibo does not exist (never made, or deleted).
        if (e instanceof PermanentError && e.fault.code === '20101') return { state: 'absent' };
        throw e;
      }
    }
    const after = lookup.notBefore.getTime() - CLOCK_SLACK_MS;
    const recent = await readBack(
      idOf,
      this.statuses(account, '/2/statuses/user_timeline.json', account.settings.uid),
      (s) => weiboDate(s.created_at).getTime() < after,
      LOOKUP_PAGES,
    );
    // Too many statuses since the send to read back to it: not seen is not absent.
    if (!recent)
      throw new RetryableError({
        code: null,
        message: `时间线过长，无法核对到发送时刻 / more than ${LOOKUP_PAGES} pages of statuses since the send`,
      });
    const match = recent.find((s) => sameWeiboText(s.text, lookup.body));
    return match ? published(match) : { state: 'absent' };
  }

  async collect(account: ChannelAccount, stream: string, cursor: string | null): Promise<CollectBatch> {
    switch (stream) {
      case 'timeline': {
        const uid = account.settings.uid;
        const { items, ...step } = await this.walk(
          cursor,
          this.statuses(account, '/2/statuses/user_timeline.json', uid),
        );
        return { ...step, publications: items.map(statusToPublication), interactions: [] };
      }
      case 'comments': {
        const { items, ...step } = await this.walk(cursor, this.comments(account));
        return { ...step, publications: [], interactions: items.map(commentToInteraction) };
      }
      case 'mentions': {
        const uid = await this.uid(account);
        const { items, ...step } = await this.walk(
          cursor,
          this.statuses(account, '/2/statuses/mentions.json'),
        );
        return { ...step, publications: [], interactions: items.map((s) => statusToInteraction(s, uid)) };
      }
      case 'reposts':
        return collectReposts(this.api, account, await this.uid(account), cursor);
      default:
        throw new PermanentError({
          code: null,
          message: `微博没有数据流 ${stream} / unknown Weibo stream ${stream}`,
        });
    }
  }

  async reply(account: ChannelAccount, target: ReplyTarget, text: string): Promise<{ externalId: string }> {
    const context = target.replyContext ?? {};
    const rip = clientIp(target.operatorIp);
    if (context.target === 'status') {
      // A mention or a repost is a status: answering it is commenting on it.
      const c = await this.api.call(account, {
        method: 'POST',
        path: '/2/comments/create.json',
        params: { id: context.statusId ?? target.interactionExternalId, comment: text, rip },
        schema: weiboComment,
      });
      return { externalId: idOf(c) };
    }
    const statusId = context.statusId ?? target.publicationExternalId;
    if (!statusId)
      throw new PermanentError({
        code: null,
        message: '回复评论需要所属微博 / replying to a comment needs its status id',
      });
    const c = await this.api.call(account, {
      method: 'POST',
      path: '/2/comments/reply.json',
      params: { cid: target.interactionExternalId, id: statusId, comment: text, rip },
      schema: weiboComment,
    });
    return { externalId: idOf(c) };
  }

  async fetchMetrics(account: ChannelAccount, externalIds: readonly string[]): Promise<MetricSample[]> {
    const out: MetricSample[] = [];
    for (let i = 0; i < externalIds.length; i += COUNT_IDS_PER_CALL) {
      const rows = await this.api.call(account, {
        method: 'GET',
        path: '/2/statuses/count.json',
        params: { ids: externalIds.slice(i, i + COUNT_IDS_PER_CALL).join(',') },
        schema: statusCounts,
      });
      // Deleted and unknown ids are left out by Weibo; they simply get no sample.
      for (const r of rows)
        out.push({
          externalId: r.id,
          reposts: r.reposts,
          comments: r.comments,
          likes: r.attitudes ?? r.likes,
        });
    }
    return out;
  }

  /** user_timeline (of `uid`, default the token's user) or mentions, page by page. */
  private statuses(
    account: ChannelAccount,
    path: string,
    uid?: string,
  ): PageFetcher<z.infer<typeof weiboStatus>> {
    return async (bounds) => {
      const list = await this.api.call(account, {
        method: 'GET',
        path,
        params: { uid, count: PAGE_SIZE, ...bounds },
        schema: statusList,
      });
      return { items: list.statuses, more: hasNext(list.next_cursor) };
    };
  }

  private comments(account: ChannelAccount): PageFetcher<z.infer<typeof weiboComment>> {
    return async (bounds) => {
      const list = await this.api.call(account, {
        method: 'GET',
        path: '/2/comments/to_me.json',
        params: { count: PAGE_SIZE, ...bounds },
        schema: commentList,
      });
      return { items: list.comments, more: hasNext(list.next_cursor) };
    };
  }

  private async walk<T extends { idstr?: string; mid?: string; id?: string }>(
    cursor: string | null,
    fetchPage: PageFetcher<T>,
  ): Promise<{ items: T[]; cursor: string; more: boolean }> {
    const state = decodeCursor(walkState, cursor) ?? { since: null };
    const step = await walkStep(state, idOf, fetchPage);
    return { items: step.items, cursor: encodeCursor(step.state), more: step.more };
  }

  private async uid(account: ChannelAccount): Promise<string> {
    if (account.settings.uid) return account.settings.uid;
    const r = await this.api.call(account, {
      method: 'GET',
      path: '/2/account/get_uid.json',
      schema: z.object({ uid: z.union([z.string(), z.number()]).transform(String) }),
    });
    return r.uid;
  }
}

/**
 * Weibo requires the end user's IP (`rip`) on writes. The operator's address is passed in where known; a
 * scheduled send with nobody at the keyboard reports the loopback address, as server-side integrations do.
 */
function clientIp(operatorIp: string | undefined): string {
  return operatorIp ?? '127.0.0.1';
}

function published(s: z.infer<typeof weiboStatus>): PublicationStatus {
  const p = statusToPublication(s);
  return { state: 'published', externalId: p.externalId, url: p.url, publishedAt: p.publishedAt };
}
