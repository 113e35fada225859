// The portal CMS API (apps/sandbox/README.md "Portal CMS API"): {code, msg, data} envelopes, X-Api-Key.
import { z } from 'zod';

export const envelope = z.object({ code: z.number().int(), msg: z.string().optional(), data: z.unknown() });

export const article = z.object({
  id: z.number().int(),
  column: z.string(),
  title: z.string(),
  url: z.string(),
  publishedAt: z.string(),
  content: z.string().optional(),
});
export type PortalArticle = z.infer<typeof article>;

export const articleList = z.object({ total: z.number().int(), items: z.array(article) });

export const column = z.object({ code: z.string(), name: z.string() });

export const letter = z.object({
  id: z.number().int(),
  title: z.string(),
  content: z.string(),
  name: z.string().optional(),
  category: z.string().optional(),
  submittedAt: z.string(),
});

export const letterPage = z.object({
  items: z.array(letter),
  nextSinceId: z.number().int(),
  hasMore: z.boolean(),
});

/** GET /api/cms/stats/pageviews?from&to&by=article: each day's views by article. */
export const pageViewsByDay = z.object({
  days: z.array(
    z.object({
      date: z.string(),
      articles: z.array(z.object({ id: z.number().int(), views: z.number().int() })),
    }),
  ),
});
