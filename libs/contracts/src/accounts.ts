import { z } from 'zod';
import { channelSchema, type Channel } from './channels';
import { isoDateTimeSchema } from './common';
import { type Role } from './roles';

// 账号矩阵: the channel accounts of each department, their credentials (write-only) and the portal columns
// with their update quotas.

/**
 * Who may read the matrix: every role that works with content or figures. The auditor reads the audit log
 * only (三员分立); changing accounts is the admin's alone.
 */
export const accountReaderRoles = [
  'admin',
  'editor',
  'reviewer',
  'approver',
  'leader',
  'reporter',
] as const satisfies readonly Role[];

const httpUrl = z
  .string()
  .trim()
  .max(255, '地址不超过 255 个字符')
  .regex(/^https?:\/\/[^\s/]+/, '请输入以 http:// 或 https:// 开头的地址');

const optionalText = (max: number) => z.string().trim().max(max).optional();

/**
 * Non-secret settings per channel (shown and editable): what identifies the account on the platform.
 * Weibo's uid is filled in by the OAuth grant when left out.
 */
export const channelSettingsSchemas = {
  weibo: z.strictObject({
    uid: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, '微博 UID 为数字')
      .optional(),
  }),
  wechat: z.strictObject({
    appid: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{4,64}$/, 'AppID 为字母和数字'),
  }),
  portal: z.strictObject({
    siteId: optionalText(64),
    /** The site's RSS/Atom feed of all columns, for collecting what was published outside Sunlight. */
    feedUrl: httpUrl.optional(),
  }),
  /** A feed is read from its own base URL unless another feed address is given here. */
  feed: z.strictObject({ url: httpUrl.optional() }),
} as const satisfies Record<Channel, z.ZodType>;

/** Secret credentials per channel: encrypted at rest, never returned, never logged. */
export const channelSecretKeys = {
  weibo: ['appKey', 'appSecret'],
  wechat: ['secret'],
  portal: ['apiKey'],
  feed: [],
} as const satisfies Record<Channel, readonly string[]>;

/**
 * Secrets a channel works without: WeChat's push token (服务器配置 → 令牌 Token), needed only to receive the
 * messages followers send, which WeChat pushes to us signed with it.
 */
export const channelOptionalSecretKeys = {
  weibo: [],
  wechat: ['pushToken'],
  portal: [],
  feed: [],
} as const satisfies Record<Channel, readonly string[]>;
export type ChannelSecretKey =
  (typeof channelSecretKeys)[Channel][number] | (typeof channelOptionalSecretKeys)[Channel][number];

/** Every secret an account of the channel can hold, required ones first. */
export function channelSecretFields(channel: Channel): readonly ChannelSecretKey[] {
  return [...channelSecretKeys[channel], ...channelOptionalSecretKeys[channel]];
}

/**
 * Whether a person must obtain an access token for the account (Weibo: OAuth or entered by hand). WeChat's
 * token is fetched by the server from appid + secret; the portal uses its API key; a feed needs nothing.
 */
export const channelUsesUserToken: Record<Channel, boolean> = {
  weibo: true,
  wechat: false,
  portal: false,
  feed: false,
};

/** The platform's own API address, proposed when an account is added (a portal has its own host). */
export const channelDefaultBaseUrls: Record<Channel, string> = {
  weibo: 'https://api.weibo.com',
  wechat: 'https://api.weixin.qq.com',
  portal: '',
  feed: '',
};

/** 凭据状态 of an account as the matrix shows it. */
export const credentialStatuses = ['valid', 'expiring', 'invalid', 'missing', 'not_required'] as const;
export const credentialStatusSchema = z.enum(credentialStatuses);
export type CredentialStatus = z.infer<typeof credentialStatusSchema>;

export const credentialStatusLabels: Record<CredentialStatus, string> = {
  valid: '有效',
  expiring: '即将过期',
  invalid: '已失效',
  missing: '未设置',
  not_required: '无需凭据',
};

/** A token that runs out within this many days is shown as 即将过期. */
export const tokenExpiryWarningDays = 7;

/** 超期未更新账号: no publication for this many days or more (the inspection veto rule). */
export const staleAfterDays = 14;

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Whole calendar days (Asia/Shanghai) from `from` to `now`: yesterday evening is 1 day ago this morning. */
export function calendarDaysBetween(from: Date, now: Date): number {
  const day = (d: Date) => Math.floor((d.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
  return Math.max(0, day(now) - day(from));
}

export interface CredentialFacts {
  channel: Channel;
  secretsSet: Readonly<Record<string, boolean>>;
  accessTokenSet: boolean;
  tokenExpiresAt: Date | null;
  /** The platform rejected the credentials since they were last set. */
  authFailedAt: Date | null;
}

/** One rule for the 凭据状态 column, so the matrix, the inspection and the dashboard agree. */
export function credentialStatus(f: CredentialFacts, now: Date): CredentialStatus {
  const keys: readonly string[] = channelSecretKeys[f.channel];
  const needsToken = channelUsesUserToken[f.channel];
  if (keys.length === 0 && !needsToken) return 'not_required';
  if (keys.some((k) => !f.secretsSet[k]) || (needsToken && !f.accessTokenSet)) return 'missing';
  if (f.authFailedAt) return 'invalid';
  if (needsToken && f.tokenExpiresAt) {
    const left = f.tokenExpiresAt.getTime() - now.getTime();
    if (left <= 0) return 'invalid';
    if (left < tokenExpiryWarningDays * DAY_MS) return 'expiring';
  }
  return 'valid';
}

export const accountSchema = z.object({
  id: z.number().int(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  channel: channelSchema,
  name: z.string(),
  baseUrl: z.string(),
  settings: z.record(z.string(), z.string()),
  /** Which secrets are stored (已设置/未设置); their values never leave the server. */
  secretsSet: z.record(z.string(), z.boolean()),
  accessTokenSet: z.boolean(),
  tokenExpiresAt: z.string().nullable(),
  credentialStatus: credentialStatusSchema,
  disabled: z.boolean(),
  lastCollectedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  backoffUntil: z.string().nullable(),
  /** The latest publication that went live on the account, sent by Sunlight or imported. */
  lastPublishedAt: z.string().nullable(),
  daysSinceLastPublication: z.number().int().nullable(),
  /** 超期未更新: enabled, and no publication for `staleAfterDays` days (counted from creation if none ever). */
  stale: z.boolean(),
  columnCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/**
 * 采集异常: an enabled account the platform refused (凭据已失效) or whose last collection failed — what the
 * account matrix shows of it, and what the dashboard lists.
 */
export function accountFailing(a: Pick<Account, 'disabled' | 'credentialStatus' | 'lastError'>): boolean {
  return !a.disabled && (a.credentialStatus === 'invalid' || a.lastError !== null);
}

export const accountListQuerySchema = z.strictObject({
  /** Only this department's subtree; must lie within the caller's scope. */
  department: z.coerce.number().int().positive().optional(),
  channel: channelSchema.optional(),
  /** `failing`: only the 采集异常 accounts (`accountFailing`), as the dashboard lists them. */
  health: z.literal('failing').optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

const accountName = z.string().trim().min(1, '账号名称不能为空').max(64, '账号名称不超过 64 个字');
const secretValue = z.string().trim().min(1, '凭据不能为空').max(512, '凭据过长');
const secretsField = z.record(z.string(), secretValue);

/** Checks settings and secrets against the channel's own fields, so a typo never lands in the database. */
export function channelFieldIssues(
  channel: Channel,
  settings: unknown,
  secrets: Readonly<Record<string, unknown>> | undefined,
): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (settings !== undefined) {
    const parsed = channelSettingsSchemas[channel].safeParse(settings);
    if (!parsed.success)
      for (const i of parsed.error.issues)
        issues.push({ path: ['settings', ...i.path.map(String)], message: i.message });
  }
  const allowed: readonly string[] = channelSecretFields(channel);
  for (const key of Object.keys(secrets ?? {}))
    if (!allowed.includes(key)) issues.push({ path: ['secrets', key], message: '该渠道没有这项凭据' });
  return issues;
}

export const createAccountRequestSchema = z
  .strictObject({
    departmentId: z.number().int().positive(),
    channel: channelSchema,
    name: accountName,
    baseUrl: httpUrl,
    settings: z.record(z.string(), z.string()).default({}),
    secrets: secretsField.optional(),
  })
  .superRefine((v, ctx) => {
    for (const i of channelFieldIssues(v.channel, v.settings, v.secrets))
      ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  });
export type CreateAccountRequest = z.input<typeof createAccountRequestSchema>;

/** The channel is fixed once created: a Weibo account does not become a portal. */
export const updateAccountRequestSchema = z
  .strictObject({
    departmentId: z.number().int().positive().optional(),
    name: accountName.optional(),
    baseUrl: httpUrl.optional(),
    settings: z.record(z.string(), z.string()).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;

/**
 * Write-only credentials. Secrets given replace the stored ones one by one (others are kept); `clear`
 * removes named ones. An access token entered by hand comes with its expiry when the platform told it.
 */
export const setCredentialsRequestSchema = z
  .strictObject({
    secrets: secretsField.optional(),
    clear: z.array(z.string().max(32)).max(10).optional(),
    accessToken: secretValue.nullable().optional(),
    tokenExpiresAt: isoDateTimeSchema.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的凭据' });
export type SetCredentialsRequest = z.infer<typeof setCredentialsRequestSchema>;

/** The result of 测试连接: on failure, the channel's own words and what they mean. */
export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  /** The account's name on the platform, when it answered. */
  displayName: z.string().nullable(),
  detail: z.string().nullable(),
  /** 中文 explanation of the outcome for the operator. */
  message: z.string(),
  /** The platform's error code and text, unchanged (secrets masked). */
  channelCode: z.string().nullable(),
  channelMessage: z.string().nullable(),
  testedAt: z.string(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

export const oauthAuthorizeQuerySchema = z.strictObject({
  /** Where the platform sends the person back: a page of this installation that posts the code. */
  redirectUri: httpUrl,
});
export type OAuthAuthorizeQuery = z.infer<typeof oauthAuthorizeQuerySchema>;

export const oauthAuthorizeResponseSchema = z.object({ url: z.string(), state: z.string() });
export type OAuthAuthorizeResponse = z.infer<typeof oauthAuthorizeResponseSchema>;

export const oauthCodeRequestSchema = z.strictObject({
  code: z.string().trim().min(1).max(512),
  state: z.string().min(1).max(512),
  redirectUri: httpUrl,
});
export type OAuthCodeRequest = z.infer<typeof oauthCodeRequestSchema>;

/** 栏目更新要求: the period a quota is counted over. */
export const quotaPeriods = ['day', 'week', 'month', 'quarter'] as const;
export const quotaPeriodSchema = z.enum(quotaPeriods);
export type QuotaPeriod = z.infer<typeof quotaPeriodSchema>;

export const quotaPeriodLabels: Record<QuotaPeriod, string> = {
  day: '每日',
  week: '每周',
  month: '每月',
  quarter: '每季度',
};

/** Channels whose accounts have columns (栏目) with update quotas. */
export const channelHasColumns: Record<Channel, boolean> = {
  portal: true,
  weibo: false,
  wechat: false,
  feed: false,
};

/** e.g. 7 per day (min = max = 7), at least 1 per month (no max), 2–3 per month. */
export const quotaRuleSchema = z
  .strictObject({
    period: quotaPeriodSchema,
    min: z.number().int().min(1, '条数至少为 1').max(1000),
    max: z.number().int().min(1).max(1000).nullable(),
  })
  .refine((q) => q.max === null || q.max >= q.min, { message: '上限不能小于下限', path: ['max'] });
export type QuotaRule = z.infer<typeof quotaRuleSchema>;

/** 栏目更新要求 in the words inspections use: 每日7条, 每月至少1条, 每月2–3条; 不考核 without a rule. */
export function describeQuota(rule: QuotaRule | null): string {
  if (!rule) return '不考核';
  const period = quotaPeriodLabels[rule.period];
  if (rule.max === null) return `${period}至少${rule.min}条`;
  if (rule.max === rule.min) return `${period}${rule.min}条`;
  return `${period}${rule.min}–${rule.max}条`;
}

const columnCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '栏目代码为字母、数字、下划线或连字符');
const columnName = z.string().trim().min(1, '栏目名称不能为空').max(64, '栏目名称不超过 64 个字');

export const portalColumnSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** null: the column has no update requirement (不考核). */
  quota: quotaRuleSchema.nullable(),
  /** 责任部门: who must keep the column updated; the account's own department unless one is set. */
  responsibleDepartmentId: z.number().int(),
  responsibleDepartmentName: z.string(),
  /** False while the column follows the account's department (moving the account moves it too). */
  responsibleDepartmentSet: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type PortalColumn = z.infer<typeof portalColumnSchema>;

/** 责任部门 as a request gives it: a department in the caller's scope, or null for the account's own. */
const responsibleDepartment = z.number().int().positive().nullable();

export const createColumnRequestSchema = z.strictObject({
  code: columnCode,
  name: columnName,
  quota: quotaRuleSchema.nullable().default(null),
  responsibleDepartmentId: responsibleDepartment.default(null),
});
export type CreateColumnRequest = z.input<typeof createColumnRequestSchema>;

export const updateColumnRequestSchema = z
  .strictObject({
    code: columnCode.optional(),
    name: columnName.optional(),
    quota: quotaRuleSchema.nullable().optional(),
    responsibleDepartmentId: responsibleDepartment.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type UpdateColumnRequest = z.infer<typeof updateColumnRequestSchema>;
