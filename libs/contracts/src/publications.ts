import { z } from 'zod';

/**
 * 发布记录的状态. Sending follows `queued → sending → published | failed`; a retryable failure goes back to
 * `queued` with a later due time, a permanent one stays `failed`. `pending_confirmation` (待确认) is a send
 * whose outcome the channel has not told us yet (a timeout after sending, WeChat's asynchronous
 * publishing): it is reconciled against the channel before anything is sent again. `cancelled` (已撤销) is a
 * queued one withdrawn before any worker claimed it (cancel, or its post edited after approval).
 */
export const publicationStatuses = [
  'queued',
  'sending',
  'published',
  'failed',
  'pending_confirmation',
  'cancelled',
] as const;
export const publicationStatusSchema = z.enum(publicationStatuses);
export type PublicationStatus = z.infer<typeof publicationStatusSchema>;

export const publicationStatusLabels: Record<PublicationStatus, string> = {
  queued: '待发送',
  sending: '发送中',
  published: '已发布',
  failed: '发送失败',
  pending_confirmation: '待确认',
  cancelled: '已撤销',
};

/** Why a send failed: a retryable failure is tried again later, a permanent one needs a person. */
export const publicationFailures = ['retryable', 'permanent'] as const;
export const publicationFailureSchema = z.enum(publicationFailures);
export type PublicationFailure = z.infer<typeof publicationFailureSchema>;

/** Where a publication record came from: sent by Sunlight, or found on the account's own timeline. */
export const publicationSources = ['sunlight', 'imported'] as const;
export const publicationSourceSchema = z.enum(publicationSources);
export type PublicationSource = z.infer<typeof publicationSourceSchema>;

/**
 * What a scheduled publication sends, frozen when the post was approved (publications.payload): the
 * channel adapter's OutgoingPublication without image bytes; images are read from the file store by hash.
 */
export const publicationPayloadSchema = z.object({
  idempotencyKey: z.string(),
  kind: z.enum(['original', 'forward']),
  title: z.string(),
  /** Plain text (Weibo) or sanitised HTML (WeChat, portal). */
  body: z.string(),
  digest: z.string().optional(),
  author: z.string().optional(),
  columnCode: z.string().optional(),
  forwardOf: z.string().optional(),
  images: z.array(z.object({ hash: z.string(), fileName: z.string(), contentType: z.string() })),
  /** Attachments of a portal article, by hash as the images. */
  attachments: z.array(z.object({ hash: z.string(), fileName: z.string(), contentType: z.string() })),
  operatorIp: z.string().optional(),
});
export type PublicationPayload = z.infer<typeof publicationPayloadSchema>;
