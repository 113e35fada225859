import { describe, expect, it } from 'vitest';
import { parseWeiboDate } from './weibo-date';
import { sameWeiboText } from './weibo-text';
import { midToBid } from './weibo-url';

describe('Weibo formats', () => {
  it('reads created_at with its offset', () => {
    expect(parseWeiboDate('Tue May 31 17:46:55 +0800 2011')?.toISOString()).toBe('2011-05-31T09:46:55.000Z');
    expect(parseWeiboDate('Wed Jun 01 00:50:25 +0800 2011')?.toISOString()).toBe('2011-05-31T16:50:25.000Z');
    expect(parseWeiboDate('Sat Jan 06 08:00:00 -0500 2024')?.toISOString()).toBe('2024-01-06T13:00:00.000Z');
    expect(parseWeiboDate('2011-05-31 17:46:55')).toBeNull();
    expect(parseWeiboDate('Tue Foo 31 17:46:55 +0800 2011')).toBeNull();
  });

  it('turns a mid into the base62 id of status links', () => {
    // A known pair from weibo.com links; groups inside the number keep their leading zeros.
    expect(midToBid('3501756485200075')).toBe('z0JH2lOMb');
    expect(midToBid('10000001')).toBe('10001');
    expect(midToBid('7')).toBe('7');
  });

  it('recognises our text after Weibo shortened its links or appended a repost chain', () => {
    expect(sameWeiboText('通报 详情 http://t.cn/A6abc', '通报 详情 http://www.gov.cn/1')).toBe(true);
    expect(sameWeiboText('转发扩散//@江城发布:原文', '转发扩散')).toBe(true);
    expect(sameWeiboText('转发扩散一下', '转发扩散')).toBe(false);
    expect(sameWeiboText('任何', '')).toBe(false);
  });
});
