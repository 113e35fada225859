import { z } from 'zod';
import { classificationLabels, classificationSchema } from './classification';
import { dictionaryKindSchema, hitLevelSchema } from './safety-vocabulary';

// What the gate answers: hits with their place in each field, and the verdict.

/** Where in a field a hit was found: the plain text, or the HTML (a link in an href or src). */
export const hitSources = ['text', 'html'] as const;
export const hitSourceSchema = z.enum(hitSources);
export type HitSource = z.infer<typeof hitSourceSchema>;

export const safetyHitSchema = z.object({
  /** Stable for the same hit in the same text: what the reviewer's acknowledgement of a warning names. */
  key: z.string(),
  field: z.string(),
  source: hitSourceSchema,
  /** UTF-16 positions in the field's text (or HTML), end exclusive, as `String.slice` takes them. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The text as it stands in the field (ＡＢＣ where the dictionary says abc). */
  text: z.string(),
  /** The dictionary entry that matched; for a link, its host. */
  term: z.string(),
  kind: dictionaryKindSchema,
  level: hitLevelSchema,
  category: z.string(),
  /** The right form of a wording error. */
  suggestion: z.string().nullable(),
});
export type SafetyHit = z.infer<typeof safetyHitSchema>;

export const gateResultSchema = z.object({
  /** Nothing to do: 公开, and no hit at all. */
  passed: z.boolean(),
  /** Cannot be submitted, approved or sent: not 公开, or a blocking hit. */
  blocked: z.boolean(),
  classification: classificationSchema,
  /** The classification alone blocks (内部 or 涉密). */
  classificationBlocked: z.boolean(),
  /** Every field that was checked, by name, with its hits in order of position. */
  hits: z.record(z.string(), z.array(safetyHitSchema)),
  /** Every warning, each to be acknowledged by the reviewer (by `key`) before approval. */
  warnings: z.array(safetyHitSchema),
  counts: z.object({ block: z.number().int(), warn: z.number().int() }),
  /** Hits past the per-field limit that were not listed (a text that needs rewriting, not reviewing). */
  omitted: z.number().int(),
  /** The dictionary version the check ran against. */
  dictionaryVersion: z.number().int(),
});
export type GateResult = z.infer<typeof gateResultSchema>;

/** Warnings of a result that the given acknowledgements do not cover yet. */
export function unacknowledgedWarnings(result: GateResult, acknowledged: Iterable<string>): SafetyHit[] {
  const keys = new Set(acknowledged);
  return result.warnings.filter((w) => !keys.has(w.key));
}

/** May the post move on (submitted, approved, sent) once these warnings are acknowledged? */
export function gateAllows(result: GateResult, acknowledged: Iterable<string> = []): boolean {
  return !result.blocked && unacknowledgedWarnings(result, acknowledged).length === 0;
}

/** One sentence for people: why a post is held, or that it is clean. */
export function describeGateResult(result: GateResult): string {
  const parts: string[] = [];
  if (result.classificationBlocked)
    parts.push(`密级为「${classificationLabels[result.classification]}」，不得上网发布`);
  if (result.counts.block) parts.push(`${result.counts.block} 处禁止内容`);
  if (result.counts.warn) parts.push(`${result.counts.warn} 处提示需审核确认`);
  return parts.length ? parts.join('；') : '未发现问题';
}

const fieldLabels: Record<string, string> = {
  title: '标题',
  digest: '摘要',
  body: '正文',
  alt: '图片说明',
  reply: '答复',
};

/** How a checked field is named on screen: the common ones by name (`alt:2` → 图片说明), others as given. */
export function gateFieldLabel(name: string): string {
  return fieldLabels[name] ?? fieldLabels[name.split(':')[0]!] ?? name;
}
