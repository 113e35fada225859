import { z } from 'zod';

/** 渠道: the platform kinds an account can be on. */
export const channels = ['portal', 'weibo', 'wechat', 'feed'] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;

export const channelLabels: Record<Channel, string> = {
  portal: '门户网站',
  weibo: '政务微博',
  wechat: '政务微信',
  feed: '订阅源',
};

/** 原创 / 转发: how a publication counts in the 双微 figures; `unclassified` where the platform cannot tell. */
export const publicationKinds = ['original', 'forward', 'unclassified'] as const;
export const publicationKindSchema = z.enum(publicationKinds);
export type PublicationKind = z.infer<typeof publicationKindSchema>;

export const publicationKindLabels: Record<PublicationKind, string> = {
  original: '原创',
  forward: '转发',
  unclassified: '未分类',
};

/** 互动: what the public sends us. */
export const interactionKinds = ['comment', 'reply', 'repost', 'mention', 'message', 'letter'] as const;
export const interactionKindSchema = z.enum(interactionKinds);
export type InteractionKind = z.infer<typeof interactionKindSchema>;

export const interactionKindLabels: Record<InteractionKind, string> = {
  comment: '评论',
  reply: '回复',
  repost: '转发',
  mention: '提及',
  message: '私信',
  letter: '来信',
};
