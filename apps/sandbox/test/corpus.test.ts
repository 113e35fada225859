import { describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng';
import { CATEGORIES } from '../src/public-simulator/categories';
import { ALL_ENTRIES, CORPUS, corpusStats, EVENT_CORPUS, fill } from '../src/public-simulator/corpus';
import { EVENTS } from '../src/public-simulator/corpus/events';
import { pickMessage } from '../src/public-simulator/generator';

describe('the public corpus', () => {
  it('has hundreds of distinct messages in every category', () => {
    const stats = corpusStats();
    expect(stats.distinct).toBe(ALL_ENTRIES.length);
    expect(stats.baseMessages).toBeGreaterThanOrEqual(300);
    for (const c of CATEGORIES) expect(stats.byCategory[c], c).toBeGreaterThanOrEqual(40);
  });

  it('covers the police business areas: 户籍, 出入境, 交通违法, 反诈, 治安, 消防 and more', () => {
    const stats = corpusStats();
    for (const topic of [
      'huji',
      'crj',
      'traffic',
      'vehicle',
      'fraud',
      'security',
      'fire',
      'cyber',
      'drugs',
    ]) {
      expect(stats.byTopic[topic], topic).toBeGreaterThanOrEqual(3);
    }
    const text = CORPUS.map((e) => e.template).join('');
    for (const word of ['户口', '护照', '闯红灯', '诈骗', '报警', '消防', '身份证'])
      expect(text).toContain(word);
  });

  it('is real Chinese, not filler', () => {
    for (const e of ALL_ENTRIES) {
      expect(e.template).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.template.toLowerCase()).not.toMatch(/lorem|ipsum|todo|xxx/);
    }
  });

  it('fills templates from slots, with two different values for a slot used twice', () => {
    const rng = new Rng('fill');
    const out = fill('{road}和{road}路口', rng, Date.UTC(2025, 0, 5));
    const [x, y] = out.replace('路口', '').split('和');
    expect(x).not.toBe(y);
    expect(out).not.toContain('{');
    for (const e of ALL_ENTRIES) expect(fill(e.template, rng, Date.now())).not.toMatch(/\{\w+\}/);
  });

  it('varies: a thousand generated messages give hundreds of distinct texts, the same for the same seed', () => {
    const gen = (seed: string) => {
      const rng = new Rng(seed);
      return Array.from({ length: 1000 }, () => pickMessage(rng, 'weiboComment', Date.UTC(2025, 5, 1)).text);
    };
    const a = gen('s1');
    expect(new Set(a).size).toBeGreaterThan(250);
    expect(gen('s1')).toEqual(a);
    expect(gen('s2')).not.toEqual(a);
  });

  it('bursts: during an event its terms dominate far above their baseline', () => {
    const event = EVENTS.find((e) => e.code === 'viaduct-crash')!;
    const count = (burst: boolean) => {
      const rng = new Rng('burst');
      let n = 0;
      for (let i = 0; i < 500; i++) {
        const m = pickMessage(rng, 'weiboComment', Date.now(), burst ? { event, share: 0.75 } : undefined);
        if (event.terms.some((term) => m.text.includes(term))) n++;
      }
      return n;
    };
    const base = count(false);
    const during = count(true);
    expect(during).toBeGreaterThan(300);
    expect(during).toBeGreaterThan(10 * Math.max(1, base));
    expect(EVENT_CORPUS.length).toBeGreaterThanOrEqual(50);
  });
});
