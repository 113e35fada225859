import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed, repairXml } from './feed-decode';
import { parseFeedDate } from './feed-dates';

const iso = (s: string) => parseFeedDate(s)?.toISOString() ?? null;

describe('feed dates', () => {
  it('reads zone-less dates as Beijing time', () => {
    expect(iso('2024-01-05 10:00:00')).toBe('2024-01-05T02:00:00.000Z');
    expect(iso('2024-01-05 10:00')).toBe('2024-01-05T02:00:00.000Z');
    expect(iso('2024/1/5 9:30')).toBe('2024-01-05T01:30:00.000Z');
    expect(iso('2024年01月05日')).toBe('2024-01-04T16:00:00.000Z');
    expect(iso('2024年1月5日 10时30分')).toBe('2024-01-05T02:30:00.000Z');
    expect(iso('2024-01-05T10:00:00')).toBe('2024-01-05T02:00:00.000Z');
    expect(iso('Fri, 05 Jan 2024 10:00:00')).toBe('2024-01-05T02:00:00.000Z');
  });

  it('keeps the zone where there is one', () => {
    expect(iso('2024-01-05T10:00:00Z')).toBe('2024-01-05T10:00:00.000Z');
    expect(iso('2024-01-05T10:00:00-0300')).toBe('2024-01-05T13:00:00.000Z');
    expect(iso('Tue, 31 May 2011 09:46:55 GMT')).toBe('2011-05-31T09:46:55.000Z');
    expect(iso('Fri, 05 Jan 2024 10:00:00 +0800')).toBe('2024-01-05T02:00:00.000Z');
    expect(iso('Mon, 3 Sep 2018 06:00:00 EST')).toBe('2018-09-03T11:00:00.000Z');
    expect(iso('Seg, 24 Set 2018 19:42:40 -0300')).toBe('2018-09-24T22:42:40.000Z');
  });

  it('gives no date for nonsense rather than a wrong one', () => {
    for (const s of [
      '',
      'Invalid Date',
      '2024-02-30 10:00',
      '2024-13-01',
      'yesterday',
      'Fri, 05 Foo 2024 10:00:00 GMT',
    ])
      expect(iso(s)).toBeNull();
  });
});

describe('feed bytes', () => {
  it('decodes by the Content-Type charset, then the prolog, else sniffs', () => {
    const gbk = iconv.encode(
      '<?xml version="1.0" encoding="gb2312"?><rss><title>通知公告</title></rss>',
      'gbk',
    );
    expect(decodeFeed(gbk, 'text/xml')).toContain('通知公告');
    const labelled = iconv.encode('<rss><title>滨江</title></rss>', 'gbk');
    expect(decodeFeed(labelled, 'text/xml; charset="GBK"')).toContain('滨江');
    expect(decodeFeed(labelled, undefined)).toContain('滨江');
    const latin = iconv.encode('<rss><title>Notícias do 2º turno</title></rss>', 'latin1');
    expect(decodeFeed(latin, undefined)).toContain('Notícias do 2º turno');
    expect(decodeFeed(Buffer.from('\uFEFF<rss>ü</rss>'), 'text/xml; charset=iso-8859-1')).toContain('ü');
  });

  it('escapes bare ampersands and drops control characters, leaving entities and CDATA alone', () => {
    expect(repairXml('<t>A & B &amp; C &#38; &#x26; &nbsp;\u0001</t><d><![CDATA[x & y]]></d>')).toBe(
      '<t>A &amp; B &amp; C &#38; &#x26; &nbsp;</t><d><![CDATA[x & y]]></d>',
    );
  });
});
