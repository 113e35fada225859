import { describe, expect, it } from 'vitest';
import { anchoredPieces, formatWaiting, makeAnchor, selectionOffsets } from './review-anchor';

describe('review anchors', () => {
  it('finds a selection’s place in the plain text across elements', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>今天上午，</p><p>市公安局召开<strong>新闻发布会</strong>。</p>';
    document.body.append(root);
    const strong = root.querySelector('strong')!.firstChild!;
    const range = document.createRange();
    range.setStart(strong, 0);
    range.setEnd(strong, 5);
    const at = selectionOffsets(root, range)!;
    expect(root.textContent.slice(at.start, at.end)).toBe('新闻发布会');
    expect(makeAnchor(root.textContent, at.start, at.end, ' 请写全称 ')).toEqual({
      quote: '新闻发布会',
      start: at.start,
      end: at.end,
      text: '请写全称',
    });
  });

  it('cuts the text into pieces around the comments', () => {
    const pieces = anchoredPieces('甲乙丙丁', [{ quote: '乙丙', start: 1, end: 3, text: '改' }]);
    expect(pieces.map((p) => [p.text, p.anchor?.text ?? null])).toEqual([
      ['甲', null],
      ['乙丙', '改'],
      ['丁', null],
    ]);
  });

  it('says how long a post has waited', () => {
    expect(formatWaiting(8 * 60 + 5)).toBe('8分钟');
    expect(formatWaiting(5 * 3600 + 600)).toBe('5小时10分钟');
    expect(formatWaiting(3 * 86400 + 2 * 3600)).toBe('3天2小时');
  });
});
