import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick';

/** Matches as [pattern, start, end], in the order the scan reports them. */
function find(patterns: string[], text: string): Array<[string, number, number]> {
  const list = AhoCorasick.compile(patterns).findAll(text);
  return Array.from({ length: list.length }, (_, i) => [
    patterns[list.pattern(i)]!,
    list.start(i),
    list.end(i),
  ]);
}

/** Every occurrence by plain indexOf on already-folded text: what the automaton must agree with. */
function naive(patterns: string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((p, i) => {
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) found.push(`${i}:${at}`);
  });
  return found.sort();
}

describe('AhoCorasick', () => {
  it('reports every overlapping match, the longest first where several end together', () => {
    expect(find(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      ['she', 1, 4],
      ['he', 2, 4],
      ['hers', 2, 6],
    ]);
    expect(find(['他们', '们的', '他们的'], '我们他们的')).toEqual([
      ['他们', 2, 4],
      ['他们的', 2, 5],
      ['们的', 3, 5],
    ]);
  });

  it('follows failure links through partial matches', () => {
    expect(find(['内部资料', '部资', '资料外传'], '内部资料外传')).toEqual([
      ['部资', 1, 3],
      ['内部资料', 0, 4],
      ['资料外传', 2, 6],
    ]);
    expect(find(['aab', 'ab'], 'aaab')).toEqual([
      ['aab', 1, 4],
      ['ab', 2, 4],
    ]);
  });

  it('matches Latin letters in any case and full-width forms as half-width, at their own positions', () => {
    expect(find(['VPN'], '翻墙vpn和ＶＰＮ、Vpn')).toEqual([
      ['VPN', 2, 5],
      ['VPN', 6, 9],
      ['VPN', 10, 13],
    ]);
    expect(find(['ｗｗｗ'], 'WWW')).toEqual([['ｗｗｗ', 0, 3]]);
  });

  it('maps matches in text whose folding changes its length back to the original (NFKC)', () => {
    // ㈱ folds to (株), three units from one; ﬁ to fi; 𝐀 (two units) to a.
    expect(find(['(株)'], '本㈱公司')).toEqual([['(株)', 1, 2]]);
    expect(find(['株)公'], '本㈱公司')).toEqual([['株)公', 1, 3]]);
    expect(find(['file'], 'the ﬁle')).toEqual([['file', 4, 7]]);
    expect(find(['abc'], '粗体𝐀𝐁𝐂字')).toEqual([['abc', 2, 8]]);
    expect(find(['机密'], '①机密②')).toEqual([['机密', 1, 3]]);
  });

  it('keeps emoji and rare characters as they are without leaving the fast path wrong', () => {
    expect(find(['网传'], '😀网传😀网传')).toEqual([
      ['网传', 2, 4],
      ['网传', 6, 8],
    ]);
    expect(find(['𠮷野家'], '去𠮷野家吃饭')).toEqual([['𠮷野家', 1, 5]]);
    expect(find(['a'], '\ud800a\udc00')).toEqual([['a', 1, 2]]);
  });

  it('reports entries that fold alike each under its own number', () => {
    expect(find(['ABC', 'abc', 'ａｂｃ'], 'xAbC')).toEqual([
      ['ABC', 1, 4],
      ['abc', 1, 4],
      ['ａｂｃ', 1, 4],
    ]);
  });

  it('finds nothing with an empty dictionary or empty entries', () => {
    expect(find([], '任何文字')).toEqual([]);
    expect(find(['', '  '.trim()], '任何文字')).toEqual([]);
    expect(AhoCorasick.compile(['', 'x']).patternCount).toBe(1);
    expect(find(['机密'], '')).toEqual([]);
  });

  it('agrees with indexOf on 50,000 entries', () => {
    let seed = 42;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const chars =
      '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质民';
    const words = new Set<string>();
    while (words.size < 50_000) {
      let w = '';
      for (let n = 2 + Math.floor(rand() * 4); n > 0; n--) w += chars[Math.floor(rand() * chars.length)];
      words.add(w);
    }
    const dictionary = [...words];
    const automaton = AhoCorasick.compile(dictionary);
    expect(automaton.patternCount).toBe(50_000);
    let text = '';
    for (let i = 0; i < 20_000; i++) text += chars[Math.floor(rand() * chars.length)];
    const list = automaton.findAll(text);
    const found = Array.from({ length: list.length }, (_, i) => `${list.pattern(i)}:${list.start(i)}`).sort();
    expect(found.length).toBeGreaterThan(100);
    expect(found).toEqual(naive(dictionary, text));
  });
});
