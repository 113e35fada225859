import { describe, expect, it } from 'vitest';
import { positionOf, segmentText } from './safety-segments';

const hit = (start: number, end: number, level: 'block' | 'warn' = 'warn', id = `${start}-${end}`) => ({
  start,
  end,
  level,
  id,
});

describe('segmentText', () => {
  it('cuts the text into plain and marked runs that join back into it', () => {
    const text = '据悉本市发布绝密文件';
    const segments = segmentText(text, [hit(0, 2), hit(6, 8, 'block')]);
    expect(segments.map((s) => [s.text, s.level])).toEqual([
      ['据悉', 'warn'],
      ['本市发布', null],
      ['绝密', 'block'],
      ['文件', null],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('merges overlapping hits into one run, longest first and as serious as the worst', () => {
    const segments = segmentText('他们的内部资料', [hit(3, 5, 'block', 'short'), hit(3, 7, 'warn', 'long')]);
    expect(segments[1]).toMatchObject({ start: 3, end: 7, text: '内部资料', level: 'block' });
    expect(segments[1]!.hits.map((h) => h.id)).toEqual(['long', 'short']);
    const chained = segmentText('他们的', [hit(0, 2), hit(1, 3)]);
    expect(chained).toHaveLength(1);
    expect(chained[0]).toMatchObject({ start: 0, end: 3 });
  });

  it('keeps adjacent hits apart', () => {
    const segments = segmentText('ABCD', [hit(0, 2), hit(2, 4)]);
    expect(segments.map((s) => s.text)).toEqual(['AB', 'CD']);
  });

  it('clips hits of a stale result to the text and handles the empty text', () => {
    expect(segmentText('短', [hit(0, 5), hit(3, 4)]).map((s) => s.text)).toEqual(['短']);
    expect(segmentText('', [hit(0, 1)])).toEqual([]);
    expect(segmentText('无', [])).toEqual([{ start: 0, end: 1, text: '无', hits: [], level: null }]);
  });
});

describe('positionOf', () => {
  it('gives line and column in characters as a person counts them', () => {
    expect(positionOf('第一行\n第二行有😀网传', 10)).toEqual({ line: 2, column: 6 });
    expect(positionOf('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
