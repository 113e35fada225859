// The parts of WeChat Official Account API answers the adapter reads (research/channel-apis.md §2).
import { z } from 'zod';

const int = z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int());
const str = z.union([z.string(), z.number()]).transform(String);

/** Every answer may carry {errcode, errmsg}; 0 (or none) is success. */
export const wechatStatus = z.object({ errcode: int.optional(), errmsg: z.string().optional() });

export const accessToken = z.object({ access_token: z.string().min(1), expires_in: int });
export const mediaUpload = z.object({ media_id: z.string().min(1), url: z.string().optional() });
export const imageUrl = z.object({ url: z.string().min(1) });
export const draftAdded = z.object({ media_id: z.string().min(1) });
export const publishSubmitted = z.object({ publish_id: str, msg_data_id: str.optional() });

export const publishState = z.object({
  publish_id: str,
  publish_status: int,
  article_id: z.string().optional(),
  article_detail: z.object({ item: z.array(z.object({ idx: int, article_url: z.string() })) }).optional(),
  fail_idx: z.array(int).optional(),
});

export const newsItem = z.object({
  title: z.string(),
  author: z.string().optional(),
  digest: z.string().optional(),
  content: z.string().optional(),
  url: z.string().optional(),
  need_open_comment: int.optional(),
  is_deleted: z.boolean().optional(),
});
export type NewsItem = z.infer<typeof newsItem>;

const published = z.object({
  article_id: z.string(),
  content: z.object({ news_item: z.array(newsItem) }),
  update_time: int,
});
export type PublishedMessage = z.infer<typeof published>;

export const publishedList = z.object({ total_count: int, item_count: int, item: z.array(published) });

export const draftList = z.object({
  total_count: int,
  item: z.array(
    z.object({ media_id: z.string(), content: z.object({ news_item: z.array(newsItem) }), update_time: int }),
  ),
});

export const commentList = z.object({
  total: int,
  comment: z.array(
    z.object({
      user_comment_id: int,
      openid: z.string().optional(),
      create_time: int,
      content: z.string(),
    }),
  ),
});

export const articleSummary = z.object({
  list: z.array(
    z.object({
      ref_date: z.string(),
      msgid: z.string(),
      int_page_read_count: int.optional(),
      share_count: int.optional(),
    }),
  ),
});
