import { describe, expect, it } from 'vitest';
import { weiboCount } from './weibo-counter';

describe('weiboCount', () => {
  it('counts Chinese as 1, two Latin characters as 1 and a link as 10', () => {
    expect(weiboCount('平安东城').length).toBe(4);
    expect(weiboCount('abcd').length).toBe(2);
    expect(weiboCount('详见https://gaj.example.gov.cn/a/very/long/path.html').length).toBe(12);
    // A half (one space) rounds up.
    expect(weiboCount('详见 https://gaj.example.gov.cn/').length).toBe(13);
  });

  it('says how many are left, and when the text is over the limit', () => {
    expect(weiboCount('治'.repeat(140))).toEqual({ length: 140, limit: 140, remaining: 0, over: false });
    expect(weiboCount('治'.repeat(141))).toMatchObject({ remaining: -1, over: true });
  });
});
