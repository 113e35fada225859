import {
  defaultCategory,
  dictionaryKindLabels,
  dictionaryLimits,
  type DictionaryKind,
  type HitLevel,
} from './safety-vocabulary';

// The rules of one dictionary entry, applied alike to an entry typed in the admin page and to each line of
// an imported file, so the two can never disagree about what is acceptable.

export interface DictionaryEntryFields {
  /** The word, the wrong form (表述错误), or the domain. */
  text: string;
  /** Null for domains: the level of a link outside the allow-list is a setting of the whole list. */
  level: HitLevel | null;
  category: string;
  /** The right form of a wording error; null for the other kinds. */
  suggestion: string | null;
}

export interface DictionaryEntryInput {
  text: string;
  level?: HitLevel | null;
  category?: string | null;
  suggestion?: string | null;
}

export type EntryCheck = { ok: true; entry: DictionaryEntryFields } | { ok: false; problem: string };

// Tabs and line breaks would break the one-entry-a-line text form.
const CONTROL = /[\u0000-\u001f\u007f]/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const fail = (problem: string): EntryCheck => ({ ok: false, problem });

/**
 * A domain as the allow-list keeps it: lower case, without scheme, path, port or a leading `*.`, so that
 * `https://WWW.Gov.cn/path` and `*.gov.cn` both become `www.gov.cn` and `gov.cn`.
 */
export function normaliseDomain(value: string): string | { problem: string } {
  let v = value.trim().toLowerCase();
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '');
  if (v.includes('@')) return { problem: '域名中不能包含“@”' };
  v = v
    .replace(/:\d+$/, '')
    .replace(/^\*?\./, '')
    .replace(/\.$/, '');
  if (!v) return { problem: '域名不能为空' };
  // Non-ASCII names are kept in their xn-- form, which is what a link's host is compared in.
  if (/[^\x20-\x7e]/.test(v)) return { problem: '请填写 ASCII 域名（中文域名请先转换为 xn-- 形式）' };
  if (!IPV4.test(v) && !HOSTNAME.test(v)) return { problem: `「${v}」不是有效的域名或 IP 地址` };
  return v;
}

function checkTerm(value: string, what: string): string | { problem: string } {
  const v = value.trim();
  if (!v) return { problem: `${what}不能为空` };
  if (v.length > dictionaryLimits.term) return { problem: `${what}不超过 ${dictionaryLimits.term} 个字符` };
  if (CONTROL.test(v)) return { problem: `${what}中不能包含制表符或换行` };
  return v;
}

function checkCategory(value: string | null | undefined): string | { problem: string } {
  const v = (value ?? '').trim() || defaultCategory;
  if (v.length > dictionaryLimits.category)
    return { problem: `分类不超过 ${dictionaryLimits.category} 个字符` };
  if (CONTROL.test(v)) return { problem: '分类中不能包含制表符或换行' };
  return v;
}

/** Checks and normalises one entry of the given dictionary. */
export function checkDictionaryEntry(kind: DictionaryKind, input: DictionaryEntryInput): EntryCheck {
  const category = checkCategory(input.category);
  if (typeof category !== 'string') return fail(category.problem);
  switch (kind) {
    case 'domain': {
      const domain = normaliseDomain(input.text);
      if (typeof domain !== 'string') return fail(domain.problem);
      return { ok: true, entry: { text: domain, level: null, category, suggestion: null } };
    }
    case 'sensitive': {
      const text = checkTerm(input.text, '词语');
      if (typeof text !== 'string') return fail(text.problem);
      if (!input.level) return fail('请指定级别（禁止或提示）');
      return { ok: true, entry: { text, level: input.level, category, suggestion: null } };
    }
    case 'wording': {
      const text = checkTerm(input.text, '错误写法');
      if (typeof text !== 'string') return fail(text.problem);
      const suggestion = checkTerm(input.suggestion ?? '', '正确写法');
      if (typeof suggestion !== 'string') return fail(suggestion.problem);
      if (suggestion === text) return fail('正确写法与错误写法相同');
      return { ok: true, entry: { text, level: input.level ?? 'warn', category, suggestion } };
    }
  }
}

/** How an entry is named in messages: 敏感词「机密」. */
export const describeEntry = (kind: DictionaryKind, text: string) =>
  `${dictionaryKindLabels[kind]}「${text}」`;
