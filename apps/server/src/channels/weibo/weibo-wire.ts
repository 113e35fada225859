// The parts of Weibo API v2 answers the adapter reads (research/channel-apis.md §1). Bodies are parsed
// losslessly, so an int64 `id` arrives as a string; `idstr`/`mid` are preferred wherever they exist.
import { z } from 'zod';

/** An id as Weibo writes it: a string, or a bare number (kept as its digits by the lossless parse). */
const rawId = z.union([z.string(), z.number()]).transform(String);
/** Counts come as numbers in some API variants and strings in others. */
const count = z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int().nonnegative());

export const weiboUser = z.object({
  id: rawId.optional(),
  idstr: z.string().optional(),
  screen_name: z.string().optional(),
  name: z.string().optional(),
});
export type WeiboUser = z.infer<typeof weiboUser>;

const statusFields = {
  id: rawId.optional(),
  idstr: z.string().optional(),
  mid: z.string().optional(),
  created_at: z.string(),
  text: z.string(),
  // trim_user=1 gives the bare uid; a deleted original has user null.
  user: z.union([weiboUser, rawId, z.null()]).optional(),
  reposts_count: count.optional(),
  comments_count: count.optional(),
  attitudes_count: count.optional(),
};

export const weiboStatus = z.object({
  ...statusFields,
  retweeted_status: z.object(statusFields).nullable().optional(),
});
export type WeiboStatus = z.infer<typeof weiboStatus>;
export type WeiboStatusCore = Omit<WeiboStatus, 'retweeted_status'>;

export const weiboComment = z.object({
  id: rawId.optional(),
  idstr: z.string().optional(),
  mid: z.string().optional(),
  created_at: z.string(),
  text: z.string(),
  user: weiboUser.nullable().optional(),
  status: weiboStatus.optional(),
  reply_comment: z
    .object({ id: rawId.optional(), idstr: z.string().optional(), mid: z.string().optional() })
    .nullable()
    .optional(),
});
export type WeiboComment = z.infer<typeof weiboComment>;

const cursorFields = { next_cursor: rawId.optional(), total_number: count.optional() };
export const statusList = z.object({ statuses: z.array(weiboStatus), ...cursorFields });
export const repostList = z.object({ reposts: z.array(weiboStatus), ...cursorFields });
export const commentList = z.object({ comments: z.array(weiboComment), ...cursorFields });

export const statusCounts = z.array(
  z.object({
    id: rawId,
    comments: count.optional(),
    reposts: count.optional(),
    attitudes: count.optional(),
    likes: count.optional(),
  }),
);

export const tokenInfo = z.object({ uid: rawId, expire_in: count.optional() });

export const accessTokenGrant = z.object({
  access_token: z.string().min(1),
  expires_in: count,
  uid: rawId,
});

export const weiboErrorBody = z.object({
  error_code: z.union([z.number(), z.string()]).transform(String),
  error: z.string().optional(),
  error_description: z.string().optional(),
  request: z.string().optional(),
});
export type WeiboErrorBody = z.infer<typeof weiboErrorBody>;

/** The id of anything Weibo sends, preferring the string forms: the numeric one may have lost digits. */
export function idOf(x: { idstr?: string; mid?: string; id?: string }): string {
  const id = x.idstr ?? x.mid ?? x.id;
  if (!id) throw new Error('Weibo object without an id');
  return id;
}

export function userIdOf(user: WeiboStatus['user']): string | null {
  if (user === null || user === undefined) return null;
  if (typeof user === 'string') return user;
  return user.idstr ?? user.id ?? null;
}
