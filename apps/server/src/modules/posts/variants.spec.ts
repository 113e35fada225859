import { weiboLength } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { cutToWeiboLimit, generateVariant, weiboText } from './variants';

const body =
  '<p>今天上午，市公安局召开新闻发布会，通报夏季治安打击整治行动成果。</p>' +
  '<p>详情见<a href="https://gaj.example.gov.cn/jwdt/1.html">警务动态</a>。</p>' +
  '<p><img src="/api/attachments/7/content" alt="发布会现场"></p>';
const src = {
  title: '夏季行动成果发布',
  body,
  kind: 'original' as const,
  author: '宣传处',
  attachments: [
    { id: 7, kind: 'image' as const },
    { id: 9, kind: 'document' as const },
    { id: 8, kind: 'image' as const },
  ],
};

describe('variants from the body', () => {
  it('makes a Weibo text with the title, the text and the link kept', () => {
    expect(weiboText(src)).toBe(
      '【夏季行动成果发布】今天上午，市公安局召开新闻发布会，通报夏季治安打击整治行动成果。\n' +
        '详情见警务动态 https://gaj.example.gov.cn/jwdt/1.html 。',
    );
    expect(generateVariant('weibo', src).imageIds).toEqual([7, 8]);
  });

  it('cuts long text to 140 with an ellipsis and never inside a link', () => {
    const long = `${'治'.repeat(130)} https://gaj.example.gov.cn/a/very/long/path/that/counts/as/ten ${'安'.repeat(20)}`;
    const cut = cutToWeiboLimit(long, 140);
    expect(weiboLength(cut)).toBeLessThanOrEqual(140);
    expect(cut.endsWith('…')).toBe(true);
    // The link is kept whole or not at all.
    expect(!cut.includes('https://') || cut.includes('/counts/as/ten')).toBe(true);
    const tight = cutToWeiboLimit(`${'治'.repeat(134)}https://gaj.example.gov.cn/x`, 140);
    expect(tight).toBe(`${'治'.repeat(134)}…`);
  });

  it('gives a forward its comment alone', () => {
    expect(weiboText({ ...src, kind: 'forward', body: '<p>转发：请广大市民注意防范。</p>' })).toBe(
      '转发：请广大市民注意防范。',
    );
  });

  it('makes a WeChat article with a 54-character digest and the first image as cover', () => {
    const v = generateVariant('wechat', {
      ...src,
      body: `<p>${'一二三四五六七八九十'.repeat(7)}</p>${body}`,
    });
    expect([...v.digest]).toHaveLength(54);
    expect(v.coverId).toBe(7);
    expect(v.author).toBe('宣传处');
  });

  it('makes a portal article with the body as is and the documents attached', () => {
    const v = generateVariant('portal', src);
    expect(v.text).toBe(body);
    expect(v.attachmentIds).toEqual([9]);
  });
});
