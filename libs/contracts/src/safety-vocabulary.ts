import { z } from 'zod';

// 内容安全 (上网不涉密，涉密不上网): the vocabularies of the content-safety gate, shared by the gate, its
// dictionaries and every screen that shows a hit.

// The 密级标识 (public / internal / secret, 公开 / 内部 / 涉密) is the post's own vocabulary: classifications in
// posts.ts. Only 公开 passes the gate.

/**
 * How serious a hit is: `block` (禁止) stops submission, approval and sending; `warn` (提示) lets the post
 * through once the reviewer has acknowledged that very hit.
 */
export const hitLevels = ['block', 'warn'] as const;
export const hitLevelSchema = z.enum(hitLevels);
export type HitLevel = z.infer<typeof hitLevelSchema>;

export const hitLevelLabels: Record<HitLevel, string> = { block: '禁止', warn: '提示' };

/** Level names accepted in imported text: the codes and the Chinese labels. */
export function parseHitLevel(value: string): HitLevel | undefined {
  const v = value.trim().toLowerCase();
  return hitLevels.find((level) => level === v || hitLevelLabels[level] === v);
}

/**
 * The three dictionaries: 敏感词 (sensitive words, blocking or warning), 表述错误 (serious wording errors:
 * wrong official names and titles, miswritten set phrases, each with its right form) and the allow-list of
 * link domains (外链白名单: a link to any other domain is a 非法外链).
 */
export const dictionaryKinds = ['sensitive', 'wording', 'domain'] as const;
export const dictionaryKindSchema = z.enum(dictionaryKinds);
export type DictionaryKind = z.infer<typeof dictionaryKindSchema>;

export const dictionaryKindLabels: Record<DictionaryKind, string> = {
  sensitive: '敏感词',
  wording: '表述错误',
  domain: '外链白名单',
};

/** What a hit of each kind is called where it is shown (a domain hit is a link outside the allow-list). */
export const hitKindLabels: Record<DictionaryKind, string> = {
  sensitive: '敏感词',
  wording: '表述错误',
  domain: '非法外链',
};

/** The category given to links outside the allow-list. */
export const unlistedLinkCategory = '非法外链';

/** Category of an imported or added entry that names none. */
export const defaultCategory = '未分类';

/** Written limits of one entry, checked on input and by the import. */
export const dictionaryLimits = { term: 64, category: 32, domain: 253 } as const;
