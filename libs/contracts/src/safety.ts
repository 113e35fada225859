import { z } from 'zod';
import { pageQuerySchema } from './common';
import { type Role } from './roles';
import { checkDictionaryEntry } from './safety-entries';
import { classificationSchema } from './classification';
import { dictionaryKindSchema, hitLevelSchema } from './safety-vocabulary';

export * from './safety-vocabulary';
export * from './safety-hits';
export * from './safety-entries';
export * from './safety-lines';
export * from './safety-segments';

// 内容安全 API: the gate's check (for live highlighting in the editor) and the management of its
// dictionaries, which is the admin's alone.

/** Who may ask the gate about a text: the people who write and review content, and the admin (试一试). */
export const safetyCheckRoles = [
  'editor',
  'reviewer',
  'approver',
  'admin',
] as const satisfies readonly Role[];

/** Written limits of a check: a long portal article fits, a whole book does not. */
export const gateLimits = { fields: 50, text: 200_000, html: 400_000 } as const;

export const gateFieldSchema = z.strictObject({
  /** title, digest, body, alt, reply, variant:… — whatever names the caller shows the hits under. */
  name: z.string().trim().min(1).max(64),
  text: z.string().max(gateLimits.text, `单个字段不超过 ${gateLimits.text} 个字符`),
  /** The rich text the plain text came from, for the links in its href and src attributes. */
  html: z.string().max(gateLimits.html).optional(),
});
export type GateField = z.infer<typeof gateFieldSchema>;

export const safetyCheckRequestSchema = z.strictObject({
  classification: classificationSchema.default('public'),
  fields: z
    .array(gateFieldSchema)
    .min(1, '请至少提供一个字段')
    .max(gateLimits.fields)
    .refine((fields) => new Set(fields.map((f) => f.name)).size === fields.length, '字段名不能重复'),
});
export type SafetyCheckRequest = z.input<typeof safetyCheckRequestSchema>;

export const dictionaryEntrySchema = z.object({
  id: z.number().int(),
  kind: dictionaryKindSchema,
  text: z.string(),
  level: hitLevelSchema.nullable(),
  category: z.string(),
  suggestion: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DictionaryEntry = z.infer<typeof dictionaryEntrySchema>;

export const dictionaryListQuerySchema = pageQuerySchema.extend({
  kind: dictionaryKindSchema,
  /** Part of the word, its right form or its category. */
  q: z.string().trim().max(64).optional(),
  level: hitLevelSchema.optional(),
});
export type DictionaryListQuery = z.infer<typeof dictionaryListQuerySchema>;

const entryFields = {
  text: z.string().max(300),
  level: hitLevelSchema.nullable().optional(),
  category: z.string().max(100).nullable().optional(),
  suggestion: z.string().max(300).nullable().optional(),
};

/** The same rules as an imported line (checkDictionaryEntry), reported on the field they concern. */
export const createDictionaryEntryRequestSchema = z
  .strictObject({ kind: dictionaryKindSchema, ...entryFields })
  .superRefine((v, ctx) => {
    const checked = checkDictionaryEntry(v.kind, v);
    if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['text'], message: checked.problem });
  });
export type CreateDictionaryEntryRequest = z.infer<typeof createDictionaryEntryRequestSchema>;

/** The kind of an entry never changes; the merged entry is checked again by the server. */
export const updateDictionaryEntryRequestSchema = z
  .strictObject({
    text: entryFields.text.optional(),
    level: entryFields.level,
    category: entryFields.category,
    suggestion: entryFields.suggestion,
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type UpdateDictionaryEntryRequest = z.infer<typeof updateDictionaryEntryRequestSchema>;

/** Written limit of one import (JSON bodies are limited to 1 MB as a whole; plain text to 4 MB). */
export const dictionaryImportMaxChars = 2_000_000;

const importOptions = {
  kind: dictionaryKindSchema,
  /** Level of sensitive words whose line names none. */
  defaultLevel: hitLevelSchema.default('warn'),
  /** Check and report without storing anything (预览). */
  dryRun: z.boolean().default(false),
};

export const dictionaryImportRequestSchema = z.strictObject({
  ...importOptions,
  text: z.string().min(1, '导入内容为空').max(dictionaryImportMaxChars, '导入内容过长，请分批导入'),
});
export type DictionaryImportRequest = z.input<typeof dictionaryImportRequestSchema>;

/** The query string of an import sent as text/plain (the body is the file itself). */
export const dictionaryImportQuerySchema = z.strictObject({
  ...importOptions,
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .default('false')
    .transform((v) => v === '1' || v === 'true'),
});

export const importOutcomes = ['added', 'updated', 'skipped', 'rejected'] as const;
export const importOutcomeSchema = z.enum(importOutcomes);
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export const importOutcomeLabels: Record<ImportOutcome, string> = {
  added: '新增',
  updated: '更新',
  skipped: '跳过',
  rejected: '错误',
};

export const dictionaryImportLineSchema = z.object({
  line: z.number().int(),
  /** The entry's text, or the raw line when it could not be read. */
  text: z.string(),
  outcome: importOutcomeSchema,
  /** Why a line was skipped or rejected, or what an update changed. */
  reason: z.string().nullable(),
});
export type DictionaryImportLine = z.infer<typeof dictionaryImportLineSchema>;

export const dictionaryImportReportSchema = z.object({
  kind: dictionaryKindSchema,
  dryRun: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  lines: z.array(dictionaryImportLineSchema),
  /** The dictionary version after the import (unchanged by a dry run). */
  version: z.number().int(),
});
export type DictionaryImportReport = z.infer<typeof dictionaryImportReportSchema>;

export const dictionarySummarySchema = z.object({
  version: z.number().int(),
  counts: z.object({ sensitive: z.number().int(), wording: z.number().int(), domain: z.number().int() }),
  /** What a link to a domain outside the allow-list is: 禁止 by default. */
  unlistedLinkLevel: hitLevelSchema,
  updatedAt: z.string().nullable(),
});
export type DictionarySummary = z.infer<typeof dictionarySummarySchema>;

export const updateDictionarySettingsRequestSchema = z.strictObject({ unlistedLinkLevel: hitLevelSchema });
export type UpdateDictionarySettingsRequest = z.infer<typeof updateDictionarySettingsRequestSchema>;

export const dictionaryExportQuerySchema = z.strictObject({ kind: dictionaryKindSchema });
