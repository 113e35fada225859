import { describe, expect, it } from 'vitest';
import { hit } from '@/testing/safety';
import { hitRows } from './hit-rows';

describe('hitRows', () => {
  it('places each hit as a person counts, text hits first and in reading order', () => {
    const text = '第一行\n据悉😀网传';
    const rows = hitRows(text, [
      hit({ source: 'html', start: 40, end: 60, kind: 'domain', text: 'http://evil.com', level: 'block' }),
      hit({ start: 7, end: 9, text: '网传' }),
      hit({ start: 4, end: 6, text: '据悉', term: '据悉' }),
    ]);
    expect(rows.map((r) => [r.position, r.text, r.levelLabel, r.kindLabel])).toEqual([
      ['第 2 行第 1 字', '据悉', '提示', '敏感词'],
      ['第 2 行第 4 字', '网传', '提示', '敏感词'],
      ['源码第 41 字', 'http://evil.com', '禁止', '非法外链'],
    ]);
  });

  it('carries the right form of a wording error', () => {
    const [row] = hitRows('再接再励', [
      hit({
        start: 0,
        end: 4,
        text: '再接再励',
        kind: 'wording',
        suggestion: '再接再厉',
        category: '成语错写',
      }),
    ]);
    expect(row).toMatchObject({ kindLabel: '表述错误', suggestion: '再接再厉', category: '成语错写' });
  });
});
