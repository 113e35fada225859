import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompiledDictionary } from './compiled-dictionary';
import { defaultDictionaryDir, readDefaultDictionaries } from './default-dictionaries';
import { evaluateGate } from './safety-gate';

describe('the default dictionaries in config/dictionaries', () => {
  const defaults = readDefaultDictionaries();

  it('are found and read without a single bad or repeated line', () => {
    expect(existsSync(defaultDictionaryDir)).toBe(true);
    expect(defaults.problems).toEqual([]);
    const count = (kind: string) => defaults.entries.filter((e) => e.kind === kind).length;
    expect(count('sensitive')).toBeGreaterThan(50);
    expect(count('wording')).toBeGreaterThan(50);
    expect(count('domain')).toBeGreaterThanOrEqual(3);
  });

  it('block 涉密 markers, suggest right forms and allow government sites and the local sandbox', () => {
    const dict = CompiledDictionary.compile({
      version: 1,
      unlistedLinkLevel: 'block',
      entries: defaults.entries,
    });
    const r = evaluateGate(
      dict,
      [
        { name: 'title', text: '关于印发某方案的通知（内部资料，请勿外传）' },
        {
          name: 'body',
          text: '我们要再接再励，按步就班。详见 https://www.sz.gov.cn 和 http://127.0.0.1:4100/p/1',
        },
      ],
      'public',
    );
    expect(r.hits.title!.filter((h) => h.level === 'block').map((h) => h.term)).toEqual([
      '内部资料',
      '请勿外传',
    ]);
    expect(r.hits.body!.map((h) => [h.text, h.suggestion])).toEqual([
      ['再接再励', '再接再厉'],
      ['按步就班', '按部就班'],
    ]);
  });

  it('leave the everyday wording of official posts alone', () => {
    const dict = CompiledDictionary.compile({
      version: 1,
      unlistedLinkLevel: 'block',
      entries: defaults.entries,
    });
    const text =
      '【警情通报】第一时间到达现场，既使群众满意又依法处置；农村长期以来的治安问题得到改善，在线人数创新高。' +
      '市公安局局长、公安局长张某出席第一中学开学典礼。';
    expect(evaluateGate(dict, [{ name: 'body', text }], 'public').passed).toBe(true);
  });
});
