import { z } from 'zod';

// 采集: what the collector shows about itself — the one-off import of an account's existing history
// (历史导入) and the "collect now" answer. Polling state per account (last collected, last error, backoff)
// is part of the account matrix (accounts.ts).

/** 历史导入: an import walks every stream of the account from the platform's oldest item onwards. */
export const historyImportStatuses = ['running', 'done', 'failed'] as const;
export const historyImportStatusSchema = z.enum(historyImportStatuses);
export type HistoryImportStatus = z.infer<typeof historyImportStatusSchema>;

export const historyImportStatusLabels: Record<HistoryImportStatus, string> = {
  running: '导入中',
  done: '已完成',
  failed: '导入失败',
};

export const historyImportSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  status: historyImportStatusSchema,
  /** Streams of the channel being walked, and how many have reached their end. */
  streamsTotal: z.number().int(),
  streamsDone: z.number().int(),
  /** Pages read and items they carried (a platform may repeat an item across pages; rows are unique). */
  pages: z.number().int(),
  publicationsRead: z.number().int(),
  interactionsRead: z.number().int(),
  /** What the account's stored timeline holds now, by how it counts in the 双微 figures (原创/转发/未分类). */
  stored: z.object({
    original: z.number().int(),
    forward: z.number().int(),
    unclassified: z.number().int(),
    interactions: z.number().int(),
  }),
  /** Why the import stopped (failed), or the latest failure it is waiting out (running). */
  lastError: z.string().nullable(),
  requestedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type HistoryImport = z.infer<typeof historyImportSchema>;

/** The latest import of an account; null before the first. */
export const accountImportStateSchema = z.object({ latest: historyImportSchema.nullable() });
export type AccountImportState = z.infer<typeof accountImportStateSchema>;

/** 立即采集: the streams whose collection was queued (backoff cleared). */
export const collectNowResponseSchema = z.object({ streams: z.array(z.string()) });
export type CollectNowResponse = z.infer<typeof collectNowResponseSchema>;

/**
 * WeChat's message push (服务器配置, plaintext mode) calls our endpoint with these query parameters, signed with
 * the account's push token; the handshake adds `echostr`, which we answer as it is.
 */
export const wechatPushQuerySchema = z.object({
  signature: z.string().regex(/^[0-9a-f]{40}$/i, 'signature 应为 40 位十六进制'),
  timestamp: z.string().regex(/^\d{1,12}$/, 'timestamp 应为数字'),
  nonce: z.string().min(1).max(64),
  echostr: z.string().max(256).optional(),
  openid: z.string().max(128).optional(),
  encrypt_type: z.string().optional(),
  msg_signature: z.string().optional(),
});
export type WechatPushQuery = z.infer<typeof wechatPushQuerySchema>;
