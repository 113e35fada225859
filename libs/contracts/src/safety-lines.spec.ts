import { describe, expect, it } from 'vitest';
import { checkDictionaryEntry, normaliseDomain } from './safety-entries';
import {
  formatDictionaryText,
  parseDictionaryLine,
  parseDictionaryText,
  splitDictionaryLine,
} from './safety-lines';

describe('dictionary lines', () => {
  it('reads a sensitive word with its level in either language and its category', () => {
    expect(parseDictionaryLine('sensitive', '绝密\t禁止\t涉密标识', 'warn')).toEqual({
      ok: true,
      entry: { text: '绝密', level: 'block', category: '涉密标识', suggestion: null },
    });
    expect(parseDictionaryLine('sensitive', '网传\twarn\t不实信息', 'block')).toMatchObject({
      entry: { level: 'warn' },
    });
    expect(parseDictionaryLine('sensitive', '最牛\tBLOCK', 'warn')).toMatchObject({
      entry: { level: 'block', category: '未分类' },
    });
  });

  it('gives a bare word the default level of the import', () => {
    expect(parseDictionaryLine('sensitive', '  据悉  ', 'warn')).toMatchObject({
      entry: { text: '据悉', level: 'warn' },
    });
  });

  it('reads a wording error with its right form, defaulting to a warning', () => {
    expect(parseDictionaryLine('wording', '再接再励\t再接再厉\t成语错写', 'block')).toEqual({
      ok: true,
      entry: { text: '再接再励', level: 'warn', category: '成语错写', suggestion: '再接再厉' },
    });
    expect(parseDictionaryLine('wording', '国家公安部\t公安部\t机构名称\t禁止', 'warn')).toMatchObject({
      entry: { level: 'block' },
    });
  });

  it('accepts commas on a line typed by hand, but only when it has no TAB', () => {
    expect(splitDictionaryLine('按步就班，按部就班，成语错写')).toEqual(['按步就班', '按部就班', '成语错写']);
    expect(splitDictionaryLine('a,b\tc')).toEqual(['a,b', 'c']);
  });

  it('says what is wrong with a bad line', () => {
    const problem = (kind: 'sensitive' | 'wording' | 'domain', line: string) => {
      const r = parseDictionaryLine(kind, line, 'warn');
      return r && !r.ok ? r.problem : undefined;
    };
    expect(problem('sensitive', '机密\t严重')).toMatch(/无法识别的级别「严重」/);
    expect(problem('sensitive', '机密\t禁止\t涉密\t多余')).toMatch(/列数过多/);
    expect(problem('wording', '再接再励')).toBe('缺少正确写法');
    expect(problem('wording', '再接再厉\t再接再厉')).toBe('正确写法与错误写法相同');
    expect(problem('sensitive', `${'很'.repeat(65)}\t禁止`)).toMatch(/不超过 64 个字符/);
    expect(problem('domain', 'evil com')).toMatch(/不是有效的域名/);
  });

  it('skips blank lines and comments and numbers the rest as the file does', () => {
    const parsed = parseDictionaryText('sensitive', '\uFEFF# 说明\r\n\n机密\t禁止\n\n坏行\t?\n', 'warn');
    expect(parsed.map((p) => [p.line, p.ok])).toEqual([
      [3, true],
      [5, false],
    ]);
  });

  it('gives back what it exported', () => {
    const entries = [
      { text: '绝密', level: 'block' as const, category: '涉密标识', suggestion: null },
      { text: '据悉', level: 'warn' as const, category: '未经核实', suggestion: null },
    ];
    const text = formatDictionaryText('sensitive', entries);
    expect(text.startsWith('# ')).toBe(true);
    expect(parseDictionaryText('sensitive', text, 'warn').map((p) => (p.ok ? p.entry : p.problem))).toEqual(
      entries,
    );
    const wording = [
      { text: '既然如些', level: 'warn' as const, category: '错别字', suggestion: '既然如此' },
    ];
    const back = parseDictionaryText('wording', formatDictionaryText('wording', wording), 'block');
    expect(back.map((p) => (p.ok ? p.entry : p.problem))).toEqual(wording);
  });
});

describe('allow-listed domains', () => {
  it('keeps the host alone, in lower case', () => {
    expect(normaliseDomain('https://WWW.SZ.Gov.cn:8443/path?q=1')).toBe('www.sz.gov.cn');
    expect(normaliseDomain('*.gov.cn')).toBe('gov.cn');
    expect(normaliseDomain('.gov.cn.')).toBe('gov.cn');
    expect(normaliseDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseDomain('localhost')).toBe('localhost');
  });

  it('refuses what is no host', () => {
    expect(normaliseDomain('gov.cn@evil.com')).toEqual({ problem: expect.stringContaining('@') as string });
    expect(normaliseDomain('政府.cn')).toEqual({ problem: expect.stringContaining('xn--') as string });
    expect(normaliseDomain('-bad-.cn')).toEqual({ problem: expect.stringContaining('不是有效的') as string });
    expect(normaliseDomain('')).toEqual({ problem: '域名不能为空' });
  });

  it('ignores a level or suggestion given to a domain', () => {
    expect(checkDictionaryEntry('domain', { text: 'gov.cn', level: 'warn', suggestion: 'x' })).toEqual({
      ok: true,
      entry: { text: 'gov.cn', level: null, category: '未分类', suggestion: null },
    });
  });
});
