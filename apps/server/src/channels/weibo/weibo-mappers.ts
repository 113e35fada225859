// Weibo statuses and comments → the provider's collected rows.
import { MalformedResponseError } from '../channel-errors';
import type { CollectedInteraction, CollectedPublication, MetricSample } from '../channel.interface';
import { excerpt } from '../text';
import { parseWeiboDate } from './weibo-date';
import { statusUrl } from './weibo-url';
import { idOf, userIdOf, type WeiboComment, type WeiboStatus, type WeiboStatusCore } from './weibo-wire';

export function weiboDate(value: string): Date {
  const d = parseWeiboDate(value);
  if (!d)
    throw new MalformedResponseError({ code: null, message: `微博时间无法识别 / bad created_at: ${value}` });
  return d;
}

function screenName(user: WeiboStatus['user']): string | null {
  if (!user || typeof user === 'string') return null;
  return user.screen_name ?? user.name ?? null;
}

export function statusMetrics(s: WeiboStatusCore): MetricSample {
  return {
    externalId: idOf(s),
    reposts: s.reposts_count,
    comments: s.comments_count,
    likes: s.attitudes_count,
  };
}

/** One of our own statuses: a repost (转发) carries retweeted_status, anything else is original (原创). */
export function statusToPublication(s: WeiboStatus): CollectedPublication {
  const id = idOf(s);
  return {
    externalId: id,
    kind: s.retweeted_status ? 'forward' : 'original',
    title: excerpt(s.text),
    text: s.text,
    url: statusUrl(userIdOf(s.user), id),
    publishedAt: weiboDate(s.created_at),
    forwardOf: s.retweeted_status ? idOf(s.retweeted_status) : null,
    metrics: statusMetrics(s),
  };
}

/**
 * Someone else's status that concerns us: a repost of one of our posts, or a mention (@我).
 * `ourUid` tells the two apart when the platform lists reposts among mentions.
 */
export function statusToInteraction(s: WeiboStatus, ourUid: string, repostOf?: string): CollectedInteraction {
  const original = s.retweeted_status;
  const ours = original && userIdOf(original.user) === ourUid;
  const isRepost = repostOf !== undefined || Boolean(ours);
  return {
    externalId: idOf(s),
    kind: isRepost ? 'repost' : 'mention',
    text: s.text,
    authorId: userIdOf(s.user),
    authorName: screenName(s.user),
    createdAt: weiboDate(s.created_at),
    publicationExternalId: repostOf ?? (ours && original ? idOf(original) : null),
    parentExternalId: null,
    // Answering a status is commenting on it.
    replyContext: { target: 'status', statusId: idOf(s) },
  };
}

export function commentToInteraction(c: WeiboComment): CollectedInteraction {
  const statusId = c.status ? idOf(c.status) : null;
  return {
    externalId: idOf(c),
    kind: c.reply_comment ? 'reply' : 'comment',
    text: c.text,
    authorId: userIdOf(c.user),
    authorName: screenName(c.user),
    createdAt: weiboDate(c.created_at),
    publicationExternalId: statusId,
    parentExternalId: c.reply_comment ? idOf(c.reply_comment) : null,
    replyContext: statusId ? { target: 'comment', statusId } : { target: 'comment' },
  };
}
