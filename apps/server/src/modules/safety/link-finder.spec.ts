import { describe, expect, it } from 'vitest';
import { DomainAllowList } from './domain-allow-list';
import { linksInHtml, linksInText } from './link-finder';

const hosts = (links: ReturnType<typeof linksInText>) => links.map((l) => l.term);

describe('links in plain text', () => {
  it('finds links with a scheme or www., ending at Chinese punctuation', () => {
    const text = '详见https://www.sz.gov.cn/a?b=1。也可访问www.Example.com，或 http://127.0.0.1:4100/x).';
    const links = linksInText(text);
    expect(hosts(links)).toEqual(['www.sz.gov.cn', 'www.example.com', '127.0.0.1']);
    expect(links.map((l) => text.slice(l.start, l.end))).toEqual([
      'https://www.sz.gov.cn/a?b=1',
      'www.Example.com',
      'http://127.0.0.1:4100/x',
    ]);
  });

  it('sees through user names in front of the host', () => {
    expect(hosts(linksInText('http://gov.cn@evil.com/login'))).toEqual(['evil.com']);
  });

  it('ignores a bare scheme and ordinary text', () => {
    expect(linksInText('请输入 http:// 开头的地址，金额1.5万元')).toEqual([]);
  });
});

describe('links in HTML attributes', () => {
  it('finds href and src with any quoting, at the position of the value', () => {
    const html = `<a href="https://evil.com/x">a</a><img src='//cdn.example.com/p.png'><a href=http://www.gov.cn>b</a>`;
    const links = linksInHtml(html);
    expect(hosts(links)).toEqual(['evil.com', 'cdn.example.com', 'www.gov.cn']);
    expect(links.map((l) => html.slice(l.start, l.end))).toEqual([
      'https://evil.com/x',
      '//cdn.example.com/p.png',
      'http://www.gov.cn',
    ]);
  });

  it('decodes entities as the browser does', () => {
    expect(hosts(linksInHtml('<a href="http://gov.cn&#64;evil.com/">x</a>'))).toEqual(['evil.com']);
  });

  it('leaves relative links, anchors, mail, phone and inline images alone', () => {
    const html =
      '<a href="/news/1.html">a</a><a href="#top">b</a><a href="mailto:a@b.cn">c</a>' +
      '<a href="tel:110">d</a><img src="data:image/png;base64,AAAA">';
    expect(linksInHtml(html)).toEqual([]);
  });

  it('reports scripts and other schemes, however they are disguised', () => {
    const links = linksInHtml('<a href="java&#9;script:alert(1)">x</a><a href=" data:text/html,hi">y</a>');
    expect(links.map((l) => [l.term, l.host])).toEqual([
      ['javascript:', null],
      ['data:', null],
    ]);
  });
});

describe('DomainAllowList', () => {
  const list = new DomainAllowList(['gov.cn', 'localhost', '127.0.0.1', 'mp.weixin.qq.com']);

  it('allows a listed domain and everything under it, on label boundaries', () => {
    expect(list.allows('gov.cn')).toBe(true);
    expect(list.allows('www.sz.gov.cn')).toBe(true);
    expect(list.allows('WWW.SZ.GOV.CN.')).toBe(true);
    expect(list.allows('mp.weixin.qq.com')).toBe(true);
    expect(list.allows('evilgov.cn')).toBe(false);
    expect(list.allows('gov.cn.evil.com')).toBe(false);
    expect(list.allows('weixin.qq.com')).toBe(false);
  });

  it('allows IP addresses exactly as listed', () => {
    expect(list.allows('127.0.0.1')).toBe(true);
    expect(list.allows('localhost')).toBe(true);
    expect(list.allows('10.127.0.0.1')).toBe(false);
    expect(list.allows('127.0.0.2')).toBe(false);
    expect(list.allows('[::1]')).toBe(false);
    expect(list.allows('')).toBe(false);
  });
});
