import { weiboLength, weiboTextLimit } from '@sunlight/contracts';

export interface WeiboCount {
  length: number;
  limit: number;
  /** Negative when over the limit. */
  remaining: number;
  over: boolean;
}

/** 微博字数 as Weibo counts it (the rule lives in libs/contracts, shared with the server's check). */
export function weiboCount(text: string, limit = weiboTextLimit): WeiboCount {
  const length = weiboLength(text);
  return { length, limit, remaining: limit - length, over: length > limit };
}
