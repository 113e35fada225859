import { checkDictionaryEntry, type DictionaryEntryFields, type EntryCheck } from './safety-entries';
import {
  dictionaryKindLabels,
  hitLevelLabels,
  parseHitLevel,
  type DictionaryKind,
  type HitLevel,
} from './safety-vocabulary';

/**
 * The text form of a dictionary, for import and export: one entry a line, fields separated by a TAB
 * (a line without any TAB may separate them with commas, as a quick list typed by hand does):
 *
 *   敏感词      词语<TAB>级别<TAB>分类                 绝密	禁止	涉密标识
 *   表述错误    错误写法<TAB>正确写法<TAB>分类<TAB>级别  再接再励	再接再厉	成语错写	提示
 *   外链白名单  域名<TAB>分类                          gov.cn	政府网站
 *
 * 级别 is 禁止 or 提示 (block / warn are accepted too). 分类 may be left out (未分类); a sensitive word
 * without a level gets the import's default level, a wording error without one gets 提示. Blank lines
 * and lines starting with # are ignored, so an exported file can carry its own explanation.
 */
export const dictionaryLineFormats: Record<DictionaryKind, string> = {
  sensitive: '词语<TAB>级别（禁止/提示）<TAB>分类',
  wording: '错误写法<TAB>正确写法<TAB>分类<TAB>级别（可省略，默认提示）',
  domain: '域名<TAB>分类（允许该域名及其下级域名）',
};

const COMMENT = '#';

export type ParsedLine = { line: number; raw: string } & EntryCheck;

/** The fields of one line: TAB-separated, or comma-separated when the line has no TAB. */
export function splitDictionaryLine(line: string): string[] {
  const fields = line.includes('\t') ? line.split('\t') : line.split(/[,，]/);
  return fields.map((f) => f.trim());
}

function level(value: string | undefined, fallback: HitLevel | null): HitLevel | null | { problem: string } {
  if (value === undefined || value === '') return fallback;
  return parseHitLevel(value) ?? { problem: `无法识别的级别「${value}」，应为“禁止”或“提示”` };
}

/** One line of an import; undefined for a blank line or a comment. */
export function parseDictionaryLine(
  kind: DictionaryKind,
  line: string,
  defaultLevel: HitLevel,
): EntryCheck | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith(COMMENT)) return undefined;
  const fields = splitDictionaryLine(trimmed);
  const columns = { sensitive: 3, wording: 4, domain: 2 }[kind];
  if (fields.length > columns) return { ok: false, problem: `列数过多：应为 ${dictionaryLineFormats[kind]}` };
  const [text = '', second, third, fourth] = fields;
  switch (kind) {
    case 'sensitive': {
      const lv = level(second, defaultLevel);
      if (lv && typeof lv === 'object') return { ok: false, problem: lv.problem };
      return checkDictionaryEntry(kind, { text, level: lv, category: third });
    }
    case 'wording': {
      const lv = level(fourth, null);
      if (lv && typeof lv === 'object') return { ok: false, problem: lv.problem };
      if (!second) return { ok: false, problem: '缺少正确写法' };
      return checkDictionaryEntry(kind, { text, suggestion: second, category: third, level: lv });
    }
    case 'domain':
      return checkDictionaryEntry(kind, { text, category: second });
  }
}

/** Every entry line of an imported text with its 1-based line number; blank lines and comments left out. */
export function parseDictionaryText(
  kind: DictionaryKind,
  text: string,
  defaultLevel: HitLevel,
): ParsedLine[] {
  const parsed: ParsedLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const result = parseDictionaryLine(kind, raw, defaultLevel);
      if (result) parsed.push({ line: i + 1, raw: raw.trim(), ...result });
    });
  return parsed;
}

export function formatDictionaryLine(kind: DictionaryKind, e: DictionaryEntryFields): string {
  const lv = hitLevelLabels[e.level ?? 'warn'];
  switch (kind) {
    case 'sensitive':
      return [e.text, lv, e.category].join('\t');
    case 'wording':
      return [e.text, e.suggestion ?? '', e.category, lv].join('\t');
    case 'domain':
      return [e.text, e.category].join('\t');
  }
}

/** A whole dictionary as text, with a header that explains the format; importing it gives it back. */
export function formatDictionaryText(
  kind: DictionaryKind,
  entries: readonly DictionaryEntryFields[],
): string {
  const header = [
    `${COMMENT} 阳光政务新媒体运营台 · ${dictionaryKindLabels[kind]}（${entries.length} 条）`,
    `${COMMENT} 格式：每行一条，${dictionaryLineFormats[kind]}；以 ${COMMENT} 开头的行为说明`,
  ];
  return [...header, ...entries.map((e) => formatDictionaryLine(kind, e))].join('\n') + '\n';
}
