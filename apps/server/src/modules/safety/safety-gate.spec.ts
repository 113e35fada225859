import { segmentText } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { CompiledDictionary, type StoredEntry } from './compiled-dictionary';
import { evaluateGate, maxHitsPerField } from './safety-gate';

const entries: StoredEntry[] = [
  { kind: 'sensitive', text: '绝密', level: 'block', category: '涉密标识', suggestion: null },
  { kind: 'sensitive', text: '内部资料', level: 'block', category: '涉密标识', suggestion: null },
  { kind: 'sensitive', text: '资料', level: 'warn', category: '测试', suggestion: null },
  { kind: 'sensitive', text: '网传', level: 'warn', category: '未经核实', suggestion: null },
  { kind: 'wording', text: '再接再励', level: 'warn', category: '成语错写', suggestion: '再接再厉' },
  { kind: 'domain', text: 'gov.cn', level: null, category: '政府网站', suggestion: null },
];
const dict = (linkLevel: 'block' | 'warn' = 'block') =>
  CompiledDictionary.compile({ version: 7, unlistedLinkLevel: linkLevel, entries });

describe('evaluateGate', () => {
  it('passes a clean public text', () => {
    const r = evaluateGate(dict(), [{ name: 'title', text: '市公安局召开年度工作部署会' }], 'public');
    expect(r).toMatchObject({ passed: true, blocked: false, warnings: [], counts: { block: 0, warn: 0 } });
    expect(r.hits).toEqual({ title: [] });
    expect(r.dictionaryVersion).toBe(7);
  });

  it('blocks anything but 公开, whatever the text', () => {
    for (const mark of ['internal', 'secret'] as const) {
      const r = evaluateGate(dict(), [{ name: 'title', text: '干净的标题' }], mark);
      expect(r).toMatchObject({ passed: false, blocked: true, classificationBlocked: true });
    }
  });

  it('blocks a blocking word and lists overlapping hits with their positions', () => {
    const r = evaluateGate(dict(), [{ name: 'body', text: '这份内部资料请勿外传' }], 'public');
    expect(r.blocked).toBe(true);
    expect(r.hits.body!.map((h) => [h.term, h.start, h.end, h.level])).toEqual([
      ['内部资料', 2, 6, 'block'],
      ['资料', 4, 6, 'warn'],
    ]);
    // Shown in place as one run, as serious as its worst hit, naming the longest first.
    const marked = segmentText('这份内部资料请勿外传', r.hits.body!).filter((s) => s.level);
    expect(marked).toMatchObject([{ text: '内部资料', level: 'block' }]);
    expect(marked[0]!.hits[0]!.term).toBe('内部资料');
  });

  it('lists every warning once, each with a key to acknowledge it by', () => {
    const r = evaluateGate(
      dict(),
      [
        { name: 'title', text: '网传消息不实' },
        { name: 'digest', text: '网传，再接再励' },
      ],
      'public',
    );
    expect(r).toMatchObject({ passed: false, blocked: false, counts: { block: 0, warn: 3 } });
    expect(r.warnings.map((w) => w.key)).toEqual([
      'title:text:0:sensitive:网传',
      'digest:text:0:sensitive:网传',
      'digest:text:3:wording:再接再励',
    ]);
    expect(r.hits.digest![1]).toMatchObject({
      suggestion: '再接再厉',
      category: '成语错写',
      kind: 'wording',
    });
  });

  it('reports what the text says, not the dictionary form', () => {
    const r = evaluateGate(dict(), [{ name: 'alt:1', text: 'ＡＢ绝密' }], 'public');
    expect(r.hits['alt:1']![0]).toMatchObject({ text: '绝密', term: '绝密', start: 2, end: 4 });
  });

  it('blocks links outside the allow-list in the text and in the HTML, at the allow-list level', () => {
    const field = {
      name: 'body',
      text: '详见 https://www.sz.gov.cn/a 和 http://evilgov.cn/b',
      html: '<p>详见 <a href="https://www.sz.gov.cn/a">链接</a><img src="https://cdn.evil.com/x.png"></p>',
    };
    const blocked = evaluateGate(dict(), [field], 'public');
    expect(blocked.blocked).toBe(true);
    expect(blocked.hits.body!.map((h) => [h.source, h.term, h.kind, h.category, h.level])).toEqual([
      ['text', 'evilgov.cn', 'domain', '非法外链', 'block'],
      ['html', 'cdn.evil.com', 'domain', '非法外链', 'block'],
    ]);
    const warned = evaluateGate(dict('warn'), [field], 'public');
    expect(warned).toMatchObject({ blocked: false, counts: { block: 0, warn: 2 } });
  });

  it('lists at most a limited number of hits per field, blocking ones first, and counts the rest', () => {
    const text = `${'网传'.repeat(maxHitsPerField + 5)}绝密`;
    const r = evaluateGate(dict(), [{ name: 'body', text }], 'public');
    expect(r.hits.body).toHaveLength(maxHitsPerField);
    expect(r.omitted).toBe(6);
    expect(r.blocked).toBe(true);
    expect(r.hits.body!.at(-1)!.term).toBe('绝密');
  });
});
