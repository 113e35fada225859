import { z } from 'zod';
import { channelSchema } from './channels';
import { classificationSchema } from './classification';
import { isoDateSchema, isoDateTimeSchema, pageQuerySchema, pageSchema } from './common';
import { publicationSourceSchema, publicationStatusSchema } from './publications';
import { type Role } from './roles';

// 稿件: one piece of content written once, tailored per channel (variants), reviewed at two or three levels
// (初审/终审, or 三审三校), then scheduled as one publication per target account.

/** 原创 / 转发 of a post; a forward names what it reposts. */
export const postKinds = ['original', 'forward'] as const;
export const postKindSchema = z.enum(postKinds);
export type PostKind = z.infer<typeof postKindSchema>;

/**
 * draft → submitted (awaiting 初审) → in_review (awaiting a later level) → approved → scheduled →
 * published | partly_failed. A rejection at any level returns the post to its author (`rejected`); editing an
 * approved or scheduled post sends it back to review; `cancelled` is a withdrawn schedule (编辑后可重新提交).
 */
export const postStatuses = [
  'draft',
  'submitted',
  'in_review',
  'rejected',
  'approved',
  'scheduled',
  'published',
  'partly_failed',
  'cancelled',
] as const;
export const postStatusSchema = z.enum(postStatuses);
export type PostStatus = z.infer<typeof postStatusSchema>;
export const postStatusLabels: Record<PostStatus, string> = {
  draft: '草稿',
  submitted: '待初审',
  in_review: '审核中',
  rejected: '已退回',
  approved: '已通过',
  scheduled: '已排期',
  published: '已发布',
  partly_failed: '部分失败',
  cancelled: '已撤销',
};

/** 审核级数 of a department: two by default, three where local rules require 三审三校. */
export const reviewLevelCounts = [2, 3] as const;
export const reviewLevelCountSchema = z.union([z.literal(2), z.literal(3)]);
export const defaultReviewLevels = 2;

/** The last level is 终审 (an `approver`); every earlier one is signed by a `reviewer`. */
export function reviewLevelRole(level: number, levels: number): Extract<Role, 'reviewer' | 'approver'> {
  return level >= levels ? 'approver' : 'reviewer';
}
export function reviewLevelLabel(level: number, levels: number): string {
  if (level >= levels) return '终审';
  return level === 1 ? '初审' : '复审';
}

export const reviewDecisions = ['approve', 'reject'] as const;
export const reviewDecisionSchema = z.enum(reviewDecisions);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;
export const reviewDecisionLabels: Record<ReviewDecision, string> = { approve: '通过', reject: '退回' };

/** Who works with posts at all; department scope and the workflow rules narrow it per post. */
export const postReaderRoles = ['editor', 'reviewer', 'approver'] as const satisfies readonly Role[];
/** Who schedules, reschedules, cancels or sends now: the department's editors and the approvers over it. */
export const schedulerRoles = ['editor', 'approver'] as const satisfies readonly Role[];
/** 内容日历 readers. */
export const calendarReaderRoles = [
  'editor',
  'reviewer',
  'approver',
  'leader',
] as const satisfies readonly Role[];

// ── channel rules the composer shows live and the server applies ───────────────────────────────────────

/** 微博字数: 140, a Chinese character counting 1, two Latin characters 1, every link 10 (a t.cn short link). */
export const weiboTextLimit = 140;
const WEIBO_URL = /https?:\/\/[^\s\u3000-\u303f\uff00-\uffef<>"']+/g;
const WEIBO_SHORT_LINK = 10;

export function weiboLength(text: string): number {
  let half = 0;
  const rest = text.replace(WEIBO_URL, () => {
    half += WEIBO_SHORT_LINK * 2;
    return '';
  });
  for (const ch of rest) half += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return Math.ceil(half / 2);
}

/** 摘要: WeChat takes the first 54 characters of the article when none is given. */
export const wechatDigestLength = 54;

// ── attachments ──────────────────────────────────────────────────────────────────────────────────────

export const attachmentKinds = ['image', 'document'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];
/** Accepted types and their size limits; the server checks the file's own bytes, not the name it came with. */
export const attachmentRules: Record<AttachmentKind, { mimes: readonly string[]; maxBytes: number }> = {
  image: { mimes: ['image/jpeg', 'image/png', 'image/gif'], maxBytes: 5 * 1024 * 1024 },
  document: {
    mimes: [
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    maxBytes: 20 * 1024 * 1024,
  },
};

export const attachmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  kind: z.enum(attachmentKinds),
  /** SHA-256 of the content, hex. */
  hash: z.string(),
  /** Where the browser (and the post body's <img>) loads it from. */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

// ── the post ─────────────────────────────────────────────────────────────────────────────────────────

/** A position in the post's plain text that a review comment refers to (批注). */
export const reviewAnchorSchema = z.strictObject({
  quote: z.string().max(500),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().trim().min(1, '批注内容不能为空').max(1000),
});
export type ReviewAnchor = z.infer<typeof reviewAnchorSchema>;

export const postTargetInputSchema = z.strictObject({
  accountId: z.number().int().positive(),
  /** Portal targets publish into a column (栏目). */
  columnId: z.number().int().positive().nullable().default(null),
});
export type PostTargetInput = z.input<typeof postTargetInputSchema>;

/** Body HTML is stored as sent on after sanitising; WeChat takes articles up to 20,000 characters. */
export const postBodyMaxLength = 20_000;

const postFields = {
  title: z.string().trim().max(200, '标题不超过 200 个字'),
  body: z.string().max(postBodyMaxLength * 2, '正文过长'),
  kind: postKindSchema,
  /** For a forward: the external id or URL of the status/article reposted; the body is the comment. */
  forwardOf: z.string().trim().max(255).nullable(),
  classification: classificationSchema,
  tags: z.array(z.string().trim().min(1).max(20)).max(10, '标签不超过 10 个'),
  targets: z.array(postTargetInputSchema).max(50),
  attachmentIds: z.array(z.number().int().positive()).max(30),
  urgent: z.boolean(),
  urgentReason: z.string().trim().max(200).nullable(),
  /** Planned time: the post is scheduled for it when finally approved; null waits for 排期. */
  scheduledAt: isoDateTimeSchema.nullable(),
};

export const createPostRequestSchema = z.strictObject({
  title: postFields.title.default(''),
  body: postFields.body.default(''),
  kind: postFields.kind.default('original'),
  forwardOf: postFields.forwardOf.default(null),
  classification: postFields.classification.default('public'),
  tags: postFields.tags.default([]),
  targets: postFields.targets.default([]),
  attachmentIds: postFields.attachmentIds.default([]),
  urgent: postFields.urgent.default(false),
  urgentReason: postFields.urgentReason.default(null),
  scheduledAt: postFields.scheduledAt.default(null),
});
export type CreatePostRequest = z.input<typeof createPostRequestSchema>;
export type CreatePostFields = z.output<typeof createPostRequestSchema>;

/** Autosave and edits: `version` is the one the editor last read (optimistic concurrency, 409 if stale). */
export const updatePostRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  title: postFields.title.optional(),
  body: postFields.body.optional(),
  kind: postFields.kind.optional(),
  forwardOf: postFields.forwardOf.optional(),
  classification: postFields.classification.optional(),
  tags: postFields.tags.optional(),
  targets: postFields.targets.optional(),
  attachmentIds: postFields.attachmentIds.optional(),
  urgent: postFields.urgent.optional(),
  urgentReason: postFields.urgentReason.optional(),
  scheduledAt: postFields.scheduledAt.optional(),
});
export type UpdatePostRequest = z.input<typeof updatePostRequestSchema>;

/** One target account's tailored content (渠道版本). */
export const postVariantSchema = z.object({
  accountId: z.number().int(),
  accountName: z.string(),
  channel: channelSchema,
  departmentName: z.string(),
  columnId: z.number().int().nullable(),
  columnName: z.string().nullable(),
  title: z.string(),
  /** Weibo: plain text; WeChat and portal: sanitised HTML. */
  text: z.string(),
  digest: z.string(),
  author: z.string(),
  coverId: z.number().int().nullable(),
  imageIds: z.array(z.number().int()),
  attachmentIds: z.array(z.number().int()),
  /** Changed by hand: regenerating from the body leaves it alone unless asked. */
  edited: z.boolean(),
});
export type PostVariant = z.infer<typeof postVariantSchema>;

export const updateVariantRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  title: z.string().trim().max(200).optional(),
  text: z
    .string()
    .max(postBodyMaxLength * 2)
    .optional(),
  digest: z.string().trim().max(120).optional(),
  author: z.string().trim().max(32).optional(),
  coverId: z.number().int().positive().nullable().optional(),
  imageIds: z.array(z.number().int().positive()).max(9).optional(),
  attachmentIds: z.array(z.number().int().positive()).max(30).optional(),
  columnId: z.number().int().positive().nullable().optional(),
});
export type UpdateVariantRequest = z.infer<typeof updateVariantRequestSchema>;

export const regenerateVariantsRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  /** Also overwrite variants changed by hand. */
  overwriteEdited: z.boolean().default(false),
});
export type RegenerateVariantsRequest = z.input<typeof regenerateVariantsRequestSchema>;

export const reviewStepSchema = z.object({
  id: z.number().int(),
  round: z.number().int(),
  level: z.number().int(),
  levelLabel: z.string(),
  reviewerId: z.number().int(),
  reviewerName: z.string(),
  decision: reviewDecisionSchema,
  comment: z.string(),
  anchors: z.array(reviewAnchorSchema),
  acknowledgedWarnings: z.array(z.string()),
  /** Signed by an approver for both levels of an urgent post (紧急审批). */
  urgent: z.boolean(),
  at: z.string(),
});
export type ReviewStep = z.infer<typeof reviewStepSchema>;

/** What the caller may do with the post now; the server decides again on every call. */
export const postPermissionsSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  review: z.boolean(),
  urgentApprove: z.boolean(),
  schedule: z.boolean(),
  cancel: z.boolean(),
  sendNow: z.boolean(),
});
export type PostPermissions = z.infer<typeof postPermissionsSchema>;

export const postPublicationSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  status: publicationStatusSchema,
  dueAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type PostPublication = z.infer<typeof postPublicationSchema>;

export const postSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: postStatusSchema,
  kind: postKindSchema,
  classification: classificationSchema,
  departmentId: z.number().int(),
  departmentName: z.string(),
  authorId: z.number().int(),
  authorName: z.string(),
  channels: z.array(channelSchema),
  targetCount: z.number().int(),
  urgent: z.boolean(),
  reviewLevels: z.number().int(),
  /** The level awaited while in review, 0 otherwise. */
  currentLevel: z.number().int(),
  scheduledAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PostSummary = z.infer<typeof postSummarySchema>;

export const postSchema = postSummarySchema.extend({
  body: z.string(),
  forwardOf: z.string().nullable(),
  tags: z.array(z.string()),
  urgentReason: z.string().nullable(),
  round: z.number().int(),
  variants: z.array(postVariantSchema),
  attachments: z.array(attachmentSchema),
  /** Steps of the current review round. */
  reviewSteps: z.array(reviewStepSchema),
  publications: z.array(postPublicationSchema),
  permissions: postPermissionsSchema,
});
export type Post = z.infer<typeof postSchema>;

export const postListQuerySchema = pageQuerySchema.extend({
  status: postStatusSchema.optional(),
  /** Only posts the caller wrote. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100).optional(),
});
export type PostListQuery = z.input<typeof postListQuerySchema>;
export const postPageSchema = pageSchema(postSummarySchema);

// ── workflow requests ────────────────────────────────────────────────────────────────────────────────

export const versionedRequestSchema = z.strictObject({ version: z.number().int().positive() });
export type VersionedRequest = z.infer<typeof versionedRequestSchema>;

export const reviewDecisionRequestSchema = z
  .strictObject({
    version: z.number().int().positive(),
    decision: reviewDecisionSchema,
    comment: z.string().trim().max(2000).default(''),
    anchors: z.array(reviewAnchorSchema).max(50).default([]),
    /** The keys of the gate's warning hits the reviewer has read and accepts (每条提示需确认). */
    acknowledgedWarnings: z.array(z.string().max(200)).max(500).default([]),
  })
  .refine((r) => r.decision === 'approve' || r.comment !== '' || r.anchors.length > 0, {
    message: '退回时请填写意见或批注',
    path: ['comment'],
  });
export type ReviewDecisionRequest = z.input<typeof reviewDecisionRequestSchema>;

export const urgentApproveRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1, '请填写紧急审批的理由').max(200),
  comment: z.string().trim().max(2000).default(''),
  acknowledgedWarnings: z.array(z.string().max(200)).max(500).default([]),
});
export type UrgentApproveRequest = z.input<typeof urgentApproveRequestSchema>;

/** 排期: at a time (Asia/Shanghai in the UI, an instant on the wire) or, without one, now. */
export const scheduleRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  at: isoDateTimeSchema.nullable().default(null),
});
export type ScheduleRequest = z.input<typeof scheduleRequestSchema>;

export const reschedulePublicationRequestSchema = z.strictObject({ dueAt: isoDateTimeSchema });
export type ReschedulePublicationRequest = z.infer<typeof reschedulePublicationRequestSchema>;

export const sanitiseRequestSchema = z.strictObject({ html: z.string().max(2_000_000) });
export const sanitiseResponseSchema = z.object({ html: z.string() });

// ── review queue, history ────────────────────────────────────────────────────────────────────────────

export const reviewQueueItemSchema = z.object({
  post: postSummarySchema,
  level: z.number().int(),
  levelLabel: z.string(),
  /** Since when the post has waited at this level. */
  waitingSince: z.string(),
  waitingSeconds: z.number().int(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const postEventActions = [
  'create',
  'update',
  'submit',
  'withdraw',
  'approve',
  'reject',
  'urgent_approve',
  'returned_to_review',
  'schedule',
  'reschedule',
  'cancel',
  'send_now',
  // The dispatcher's entries, one per account (the event's `account`): what the channel answered.
  'dispatch_sent',
  'dispatch_published',
  'dispatch_confirmed',
  'dispatch_retry',
  'dispatch_failed',
  'dispatch_pending',
] as const;
export const postEventActionSchema = z.enum(postEventActions);
export type PostEventAction = z.infer<typeof postEventActionSchema>;
export const postEventActionLabels: Record<PostEventAction, string> = {
  create: '新建稿件',
  update: '修改稿件',
  submit: '提交审核',
  withdraw: '撤回',
  approve: '审核通过',
  reject: '退回修改',
  urgent_approve: '紧急审批',
  returned_to_review: '修改后重新送审',
  schedule: '排期',
  reschedule: '调整发布时间',
  cancel: '撤销发布',
  send_now: '立即发送',
  dispatch_sent: '已发送',
  dispatch_published: '已发布',
  dispatch_confirmed: '核对后确认已发布',
  dispatch_retry: '等待重试',
  dispatch_failed: '发送失败',
  dispatch_pending: '待确认',
};

/** The account a dispatcher entry of the timeline is about. */
export const postEventAccountSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  channel: channelSchema,
});
export type PostEventAccount = z.infer<typeof postEventAccountSchema>;

export const postEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: postEventActionSchema,
  fromStatus: postStatusSchema.nullable(),
  toStatus: postStatusSchema,
  detail: z.string(),
  /** Dispatcher entries: the account sent to; null for the post's own transitions. */
  account: postEventAccountSchema.nullable(),
  /** Dispatcher entries of a publication that is live: its address on the channel. */
  link: z.string().nullable(),
});
export type PostEvent = z.infer<typeof postEventSchema>;

export const postVersionSchema = z.object({
  version: z.number().int(),
  at: z.string(),
  authorId: z.number().int(),
  authorName: z.string(),
  /** Names of the fields this save changed (title, body, targets, variant:<accountId> …). */
  changed: z.array(z.string()),
});
export type PostVersion = z.infer<typeof postVersionSchema>;

export const postHistorySchema = z.object({
  versions: z.array(postVersionSchema),
  timeline: z.array(postEventSchema),
  reviewSteps: z.array(reviewStepSchema),
});
export type PostHistory = z.infer<typeof postHistorySchema>;

// ── 内容日历 ──────────────────────────────────────────────────────────────────────────────────────────

export const calendarQuerySchema = z.strictObject({
  /** Inclusive calendar days in Asia/Shanghai; at most 62 days. */
  from: isoDateSchema,
  to: isoDateSchema,
  department: z.coerce.number().int().positive().optional(),
  account: z.coerce.number().int().positive().optional(),
  channel: channelSchema.optional(),
  column: z.coerce.number().int().positive().optional(),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

export const calendarEventSchema = z.object({
  publicationId: z.number().int(),
  postId: z.number().int().nullable(),
  title: z.string(),
  channel: channelSchema,
  accountId: z.number().int(),
  accountName: z.string(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  columnId: z.number().int().nullable(),
  columnName: z.string().nullable(),
  status: publicationStatusSchema,
  source: publicationSourceSchema,
  /** When it went live, or when it is due. */
  at: z.string(),
  url: z.string().nullable(),
  /** Not yet sent: may be dragged to another time, cancelled or sent now. */
  movable: z.boolean(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;
