import { z } from 'zod';
import { staleAfterDays } from './accounts';
import { channelSchema, publicationKindSchema } from './channels';
import { idSchema, isoDateSchema, isoDateTimeSchema, pageQuerySchema, pageSchema } from './common';
import { quotaOutcomeSchema } from './column-quotas';

// 统计指标目录: every figure Sunlight reports, defined once. The dashboard, GET /api/figures and the annual
// report exporter all read figures through these definitions; the rules themselves live in the server's
// figures module and are tested against hand-made fixtures.

export const figureCodes = [
  'published',
  'original',
  'forwarded',
  'unclassified',
  'originalRate',
  'repostedByOthers',
  'reads',
  'likes',
  'comments',
  'portalUpdates',
  'pageViews',
  'quotaPeriods',
  'quotaPeriodsMet',
  'columnQuotaRate',
  'staleAccounts',
] as const;
export const figureCodeSchema = z.enum(figureCodes);
export type FigureCode = z.infer<typeof figureCodeSchema>;

/** What a figure can be broken down by. `department` means the chosen department's direct children. */
export const figureDimensions = ['department', 'account', 'channel', 'column', 'month'] as const;
export const figureDimensionSchema = z.enum(figureDimensions);
export type FigureDimension = z.infer<typeof figureDimensionSchema>;

export const figureDimensionLabels: Record<FigureDimension, string> = {
  department: '部门',
  account: '账号',
  channel: '渠道',
  column: '栏目',
  month: '月份',
};

export const figureUnits = ['items', 'times', 'percent', 'periods', 'accounts'] as const;
export type FigureUnit = (typeof figureUnits)[number];

export const figureUnitLabels: Record<FigureUnit, string> = {
  items: '条',
  times: '次',
  percent: '%',
  periods: '个',
  accounts: '个',
};

/** Which rows lie behind a figure's number, for drill-down. */
export const figureRowKinds = ['publications', 'columnPeriods', 'accounts'] as const;
export type FigureRowKind = (typeof figureRowKinds)[number];

export interface FigureDefinition {
  code: FigureCode;
  label: string;
  unit: FigureUnit;
  /** The rule in words: shown beside the number on the dashboard and quoted in the report's notes. */
  rule: string;
  breakdowns: readonly FigureDimension[];
  rows: FigureRowKind;
  /** A rate is computed from two counted figures at every level, never averaged from rates below it. */
  ratioOf?: { numerator: FigureCode; denominator: FigureCode };
}

const publicationDimensions = ['department', 'account', 'channel', 'column', 'month'] as const;
const portalDimensions = ['department', 'account', 'column', 'month'] as const;

export const figureCatalogue: Readonly<Record<FigureCode, FigureDefinition>> = {
  published: {
    code: 'published',
    label: '发布数',
    unit: 'items',
    rule: '时间范围内已发布（状态为“已发布”）的发布记录数，按发布时间（北京时间）计，含 Sunlight 发出的和从账号时间线采集的',
    breakdowns: publicationDimensions,
    rows: 'publications',
  },
  original: {
    code: 'original',
    label: '原创数',
    unit: 'items',
    rule: '已发布记录中类型为“原创”的条数（微信以文章的原创标记为准）',
    breakdowns: publicationDimensions,
    rows: 'publications',
  },
  forwarded: {
    code: 'forwarded',
    label: '转发数',
    unit: 'items',
    rule: '已发布记录中类型为“转发”的条数（本账号转发他人内容）',
    breakdowns: publicationDimensions,
    rows: 'publications',
  },
  unclassified: {
    code: 'unclassified',
    label: '未分类数',
    unit: 'items',
    rule: '已发布记录中平台未标明原创或转发的条数；发布数 = 原创数 + 转发数 + 未分类数',
    breakdowns: publicationDimensions,
    rows: 'publications',
  },
  originalRate: {
    code: 'originalRate',
    label: '原创率',
    unit: 'percent',
    rule: '原创数 ÷ 发布数；发布数为 0 时不计算',
    breakdowns: publicationDimensions,
    rows: 'publications',
    ratioOf: { numerator: 'original', denominator: 'published' },
  },
  repostedByOthers: {
    code: 'repostedByOthers',
    label: '被转发总量',
    unit: 'times',
    rule: '时间范围内发布的记录被他人转发的次数之和，取每条记录的最新统计',
    breakdowns: publicationDimensions,
    rows: 'publications',
  },
  reads: {
    code: 'reads',
    label: '阅读数',
    unit: 'times',
    rule: '时间范围内发布的记录的阅读数之和，取最新统计（按日统计的渠道为各日之和）',
    breakdowns: publicationDimensions,
    rows: 'publications',
  },
  likes: {
    code: 'likes',
    label: '点赞数',
    unit: 'times',
    rule: '时间范围内发布的记录的点赞数之和，取最新统计（按日统计的渠道为各日之和）',
    breakdowns: publicationDimensions,
    rows: 'publications',
  },
  comments: {
    code: 'comments',
    label: '评论数',
    unit: 'times',
    rule: '时间范围内发布的记录的评论数之和，取最新统计（按日统计的渠道为各日之和）',
    breakdowns: publicationDimensions,
    rows: 'publications',
  },
  portalUpdates: {
    code: 'portalUpdates',
    label: '门户网站更新信息数',
    unit: 'items',
    rule: '门户网站账号上时间范围内已发布的信息条数',
    breakdowns: portalDimensions,
    rows: 'publications',
  },
  pageViews: {
    code: 'pageViews',
    label: '点击量',
    unit: 'times',
    rule: '时间范围内发布的门户信息的点击量之和，来自门户网站的统计数据（各日之和）',
    breakdowns: portalDimensions,
    rows: 'publications',
  },
  quotaPeriods: {
    code: 'quotaPeriods',
    label: '栏目考核周期数',
    unit: 'periods',
    rule: '有更新要求的栏目在时间范围内开始、且已结束或已达标的考核周期数（周期按开始日归属）',
    breakdowns: portalDimensions,
    rows: 'columnPeriods',
  },
  quotaPeriodsMet: {
    code: 'quotaPeriodsMet',
    label: '达标周期数',
    unit: 'periods',
    rule: '上述考核周期中更新条数达到下限的周期数',
    breakdowns: portalDimensions,
    rows: 'columnPeriods',
  },
  columnQuotaRate: {
    code: 'columnQuotaRate',
    label: '栏目更新达标率',
    unit: 'percent',
    rule: '达标周期数 ÷ 栏目考核周期数；无考核周期时不计算',
    breakdowns: portalDimensions,
    rows: 'columnPeriods',
    ratioOf: { numerator: 'quotaPeriodsMet', denominator: 'quotaPeriods' },
  },
  staleAccounts: {
    code: 'staleAccounts',
    label: '超期未更新账号',
    unit: 'accounts',
    rule: `截至时间范围最后一天（未到则截至今天），连续 ${staleAfterDays} 天及以上没有发布的启用账号数（订阅源除外；从未发布的账号自添加之日起计，与账号矩阵一致）`,
    breakdowns: ['department', 'account', 'channel'],
    rows: 'accounts',
  },
};

/**
 * The dashboard's KPI cards (数据看板, 大屏), in the order a leader reads them: volume, mix, reach, the
 * portal, then what is behind. The page, the tests that check it against the API and the benchmark of
 * its requests read this one list, as they read the other panels' figures below.
 */
export const kpiFigures = [
  'published',
  'original',
  'originalRate',
  'forwarded',
  'repostedByOthers',
  'reads',
  'likes',
  'comments',
  'portalUpdates',
  'columnQuotaRate',
  'staleAccounts',
] as const satisfies readonly FigureCode[];
export type KpiFigure = (typeof kpiFigures)[number];

/** 原创 vs 转发 per channel and month. */
export const trendFigures = ['original', 'forwarded'] as const satisfies readonly FigureCode[];

/** 渠道对比: what was published, and how far it travelled. */
export const channelFigureGroups = {
  publishing: ['published', 'original', 'forwarded'],
  engagement: ['reads', 'likes', 'comments', 'repostedByOthers'],
} as const satisfies Record<string, readonly FigureCode[]>;
export type ChannelFigureGroup = keyof typeof channelFigureGroups;

/** 栏目更新达标 per column: the periods judged, those met, and the rate. */
export const quotaFigures = [
  'quotaPeriods',
  'quotaPeriodsMet',
  'columnQuotaRate',
] as const satisfies readonly FigureCode[];

/** A comma-separated list in a query string (figures=published,original). */
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean),
);

export const figureQuerySchema = z
  .strictObject({
    /** The subtree's root; the caller's own top department when absent. */
    department: idSchema.optional(),
    /** Inclusive calendar days (Asia/Shanghai). */
    from: isoDateSchema,
    to: isoDateSchema,
    figures: csv.pipe(z.array(figureCodeSchema)).optional(),
    by: csv.pipe(z.array(figureDimensionSchema).max(2, '最多按两个维度分组')).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type FigureQuery = z.infer<typeof figureQuerySchema>;

/** null where a figure is undefined (a rate over zero) or does not allow the row's breakdown. */
export const figureValuesSchema = z.partialRecord(figureCodeSchema, z.number().nullable());
export type FigureValues = z.infer<typeof figureValuesSchema>;

export const figureRowKeySchema = z.object({
  department: idSchema.optional(),
  account: idSchema.optional(),
  channel: channelSchema.optional(),
  column: idSchema.optional(),
  /** YYYY-MM */
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});
export type FigureRowKey = z.infer<typeof figureRowKeySchema>;

export const figureResultSchema = z.object({
  department: z.object({ id: idSchema, name: z.string() }),
  from: isoDateSchema,
  to: isoDateSchema,
  totals: figureValuesSchema,
  by: z.array(figureDimensionSchema),
  /**
   * One row per combination of `by` values that has data. Under `department`, the chosen department's own
   * accounts come as its own id (本级) and each child as its id with its whole subtree rolled up.
   */
  rows: z.array(z.object({ key: figureRowKeySchema, values: figureValuesSchema })),
  /** Names for the ids in the rows' keys. */
  names: z.object({
    departments: z.record(z.string(), z.string()),
    accounts: z.record(z.string(), z.object({ name: z.string(), channel: channelSchema })),
    columns: z.record(z.string(), z.string()),
  }),
});
export type FigureResult = z.infer<typeof figureResultSchema>;

/** Drill-down: the rows one number counts, narrowed by the key of the row or chart element clicked. */
export const figureRowsQuerySchema = pageQuerySchema.extend({
  figure: figureCodeSchema,
  department: idSchema.optional(),
  /** Only the department's own accounts (the 本级 row of a department breakdown), not its subtree. */
  departmentOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: isoDateSchema,
  to: isoDateSchema,
  account: idSchema.optional(),
  channel: channelSchema.optional(),
  column: idSchema.optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});
export type FigureRowsQuery = z.infer<typeof figureRowsQuerySchema>;

export const figurePublicationRowSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  accountName: z.string(),
  departmentName: z.string(),
  channel: channelSchema,
  columnName: z.string().nullable(),
  kind: publicationKindSchema,
  title: z.string(),
  /** The text's first 120 characters. */
  excerpt: z.string(),
  url: z.string().nullable(),
  publishedAt: isoDateTimeSchema,
  reads: z.number().nullable(),
  likes: z.number().nullable(),
  comments: z.number().nullable(),
  reposts: z.number().nullable(),
  pageViews: z.number().nullable(),
});
export type FigurePublicationRow = z.infer<typeof figurePublicationRowSchema>;

export const figureColumnPeriodRowSchema = z.object({
  columnId: idSchema,
  columnName: z.string(),
  accountName: z.string(),
  departmentName: z.string(),
  ruleText: z.string(),
  start: isoDateSchema,
  end: isoDateSchema,
  done: z.number().int(),
  outcome: quotaOutcomeSchema,
});
export type FigureColumnPeriodRow = z.infer<typeof figureColumnPeriodRowSchema>;

export const figureAccountRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  channel: channelSchema,
  departmentName: z.string(),
  lastPublishedAt: isoDateTimeSchema.nullable(),
  /** Whole days without a publication as of the range's end; null when it never published. */
  daysSilent: z.number().int().nullable(),
});
export type FigureAccountRow = z.infer<typeof figureAccountRowSchema>;

export const figureRowsSchema = z.discriminatedUnion('kind', [
  pageSchema(figurePublicationRowSchema).extend({ kind: z.literal('publications') }),
  pageSchema(figureColumnPeriodRowSchema).extend({ kind: z.literal('columnPeriods') }),
  pageSchema(figureAccountRowSchema).extend({ kind: z.literal('accounts') }),
]);
export type FigureRows = z.infer<typeof figureRowsSchema>;

export const figureCatalogueResponseSchema = z.object({
  figures: z.array(
    z.object({
      code: figureCodeSchema,
      label: z.string(),
      unit: z.enum(figureUnits),
      unitLabel: z.string(),
      rule: z.string(),
      breakdowns: z.array(figureDimensionSchema),
      ratioOf: z.object({ numerator: figureCodeSchema, denominator: figureCodeSchema }).optional(),
    }),
  ),
  dimensions: z.array(z.object({ code: figureDimensionSchema, label: z.string() })),
});
export type FigureCatalogueResponse = z.infer<typeof figureCatalogueResponseSchema>;
