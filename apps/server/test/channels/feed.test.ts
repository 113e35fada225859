import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock';
import { MalformedResponseError, PermanentError, RetryableError } from '../../src/channels/channel-errors';
import type { ChannelAccount, CollectedPublication } from '../../src/channels/channel.interface';
import { FeedReader } from '../../src/channels/feed/feed-reader';
import { FeedProvider } from '../../src/channels/feed/feed.provider';
import { ChannelHttp } from '../../src/channels/http/channel-http';
import { TEST_TIMEOUT_MS } from './support/channel-sandbox';
import { type LocalServer, startLocalServer } from './support/local-server';

// CI has shared/ beside the clone: the path is ../shared/fixtures/feeds from the repository root.
const REPO_ROOT = join(__dirname, '../../../..');
const SHARED = join(REPO_ROOT, '../shared/fixtures/feeds');
const OWN = join(__dirname, 'fixtures');
const FETCHED_AT = new Date('2026-03-01T04:00:00Z');

class FixedClock extends Clock {
  override now(): Date {
    return FETCHED_AT;
  }
}

/** Serves fixture files with an ETag, answering a matching If-None-Match with 304. */
interface Route {
  file: string;
  contentType: string;
}
const routes = new Map<string, Route>([
  ['/shared/gb2312-news.xml', { file: join(SHARED, 'gb2312-news.xml'), contentType: 'text/xml' }],
  ['/shared/uolNoticias.rss', { file: join(SHARED, 'uolNoticias.rss'), contentType: 'application/rss+xml' }],
  ['/shared/encoding.rss', { file: join(SHARED, 'encoding.rss'), contentType: 'application/rss+xml' }],
  [
    '/shared/guardian.rss',
    { file: join(SHARED, 'guardian.rss'), contentType: 'application/rss+xml; charset=utf-8' },
  ],
  ['/shared/reddit.rss', { file: join(SHARED, 'reddit.rss'), contentType: 'application/rss+xml' }],
  [
    '/shared/content-encoded.rss',
    { file: join(SHARED, 'content-encoded.rss'), contentType: 'application/rss+xml' },
  ],
  ['/shared/many-links.rss', { file: join(SHARED, 'many-links.rss'), contentType: 'application/rss+xml' }],
  ['/shared/rss-1.rss', { file: join(SHARED, 'rss-1.rss'), contentType: 'application/rdf+xml' }],
  ['/shared/heise.atom', { file: join(SHARED, 'heise.atom'), contentType: 'application/atom+xml' }],
  ['/shared/feedburner.atom', { file: join(SHARED, 'feedburner.atom'), contentType: 'application/atom+xml' }],
  [
    '/shared/missing-fields.atom',
    { file: join(SHARED, 'missing-fields.atom'), contentType: 'application/atom+xml' },
  ],
  [
    '/shared/incomplete-fields.atom',
    { file: join(SHARED, 'incomplete-fields.atom'), contentType: 'application/atom+xml' },
  ],
  ['/site/rss/gov.xml', { file: join(OWN, 'gov-legacy-gbk.xml'), contentType: 'text/xml' }],
  ['/undeclared.xml', { file: join(OWN, 'undeclared-gb18030.xml'), contentType: 'text/xml' }],
  ['/labelled.xml', { file: join(OWN, 'undeclared-gb18030.xml'), contentType: 'text/xml; charset=GB2312' }],
  ['/big5.xml', { file: join(OWN, 'big5.xml'), contentType: 'application/rss+xml' }],
  ['/jj/atom.xml', { file: join(OWN, 'atom-zoneless.atom'), contentType: 'application/atom+xml' }],
  ['/no-version.rss', { file: join(OWN, 'no-version.rss'), contentType: 'application/rss+xml' }],
  [
    '/rsshub/weibo/user/5000000001',
    { file: join(OWN, 'rsshub-weibo.xml'), contentType: 'application/rss+xml' },
  ],
  ['/truncated.xml', { file: join(OWN, 'truncated.xml'), contentType: 'application/rss+xml' }],
  ['/html-page', { file: join(OWN, 'html-page.html'), contentType: 'text/html; charset=utf-8' }],
]);

let server: LocalServer;
let feeds: FeedProvider;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (path === '/moved') return void res.writeHead(301, { location: '/no-version.rss' }).end();
    if (path === '/broken')
      return void res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503</h1>');
    const route = routes.get(path);
    if (!route) return void res.writeHead(404).end();
    const body = readFileSync(route.file);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res
      .writeHead(200, {
        'content-type': route.contentType,
        etag,
        'last-modified': 'Thu, 29 Feb 2024 08:00:00 GMT',
      })
      .end(body);
  });
  feeds = new FeedProvider(new FeedReader(new ChannelHttp({ timeoutMs: TEST_TIMEOUT_MS }), new FixedClock()));
});
afterAll(() => server.close());

const account = (path: string): ChannelAccount => ({
  id: 1,
  channel: 'feed',
  baseUrl: server.url,
  settings: { url: `${server.url}${path}` },
  secrets: {},
  accessToken: null,
});

async function items(path: string): Promise<CollectedPublication[]> {
  const batch = await feeds.collect(account(path), 'items', null);
  expect(batch.more).toBe(false);
  return batch.publications;
}

const brief = (p: CollectedPublication | undefined) =>
  p && { title: p.title, url: p.url, publishedAt: p.publishedAt.toISOString() };

describe('feed provider on the shared real-world fixtures', () => {
  it('reads GB2312 with zone-less dates as Beijing time (gb2312-news.xml)', async () => {
    const got = await items('/shared/gb2312-news.xml');
    expect(got).toHaveLength(20);
    expect(brief(got[0])).toEqual({
      title: '习近平为何如此强调崇尚英雄？',
      url: 'http://news.qq.com/a/20180918/009846.htm',
      publishedAt: '2018-09-18T06:38:10.000Z',
    });
    expect(brief(got[1])).toEqual({
      title: '习近平谈抗战：牢记历史是要以史为鉴、面向未来',
      url: 'http://news.qq.com/a/20180918/009798.htm',
      publishedAt: '2018-09-18T06:35:07.000Z',
    });
    expect(brief(got[19])).toEqual({
      title: '全国心理卫生学术大会 我国心理健康服务供需失衡严重',
      url: 'http://news.qq.com/a/20180917/007060.htm',
      publishedAt: '2018-09-17T03:19:42.000Z',
    });
    expect(got[0]!.text).toMatch(/^编者按：历史是人民书写的/);
    expect(got.every((p) => p.kind === 'unclassified' && !p.title.includes('\uFFFD'))).toBe(true);
  });

  it('reads undeclared and declared ISO-8859-1 with localised RFC 822 dates', async () => {
    const uol = await items('/shared/uolNoticias.rss');
    expect(uol).toHaveLength(15);
    expect(brief(uol[0])).toEqual({
      title: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
      url: 'https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm',
      publishedAt: '2018-09-24T22:42:40.000Z',
    });
    const jn = await items('/shared/encoding.rss');
    expect(jn).toHaveLength(40);
    expect(brief(jn[0])).toEqual({
      title: 'Mãe de utente é a nova presidente da Raríssimas',
      url: 'http://feeds.jn.pt/~r/JN-ULTIMAS/~3/UBnb8Ra3Q1U/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html',
      publishedAt: '2018-01-03T13:47:00.000Z',
    });
  });

  it('reads RSS 2.0 as large publishers emit it', async () => {
    const guardian = await items('/shared/guardian.rss');
    expect(guardian).toHaveLength(55);
    expect(brief(guardian[0])).toEqual({
      title: 'Trump State of the Union address promised unity but emphasized discord',
      url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      publishedAt: '2018-01-31T07:26:05.000Z',
    });
    const reddit = await items('/shared/reddit.rss');
    expect(reddit).toHaveLength(24);
    expect(brief(reddit[0])).toEqual({
      title: 'The water is too deep, so he improvises',
      url: 'https://www.reddit.com/r/funny/comments/3skxqc/the_water_is_too_deep_so_he_improvises/',
      publishedAt: '2015-11-12T21:16:39.000Z',
    });
    const medium = await items('/shared/content-encoded.rss');
    expect(medium).toHaveLength(7);
    expect(brief(medium[0])).toEqual({
      title: 'THE CREATIVE FORAGER',
      url: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
      publishedAt: '2018-04-09T18:55:38.000Z',
    });
    // content:encoded wins over the description.
    expect(medium[0]!.text).toMatch(/^Using Wild Ingredients in the Kitchen/);
    expect(medium[0]!.externalId).toBe('https://medium.com/p/125af37d838f');
    const blog = await items('/shared/many-links.rss');
    expect(blog).toHaveLength(25);
    expect(blog[0]!.externalId).toBe('tag:blogger.com,1999:blog-15045980.post-8046216467923860328');
    expect(brief(blog[0])?.publishedAt).toBe('2017-09-11T21:01:00.000Z');
  });

  it('reads RSS 1.0 (RDF)', async () => {
    const got = await items('/shared/rss-1.rss');
    expect(got).toHaveLength(69);
    expect(brief(got[0])).toEqual({
      title: 'Food for fungi',
      url: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
      publishedAt: '2017-06-15T17:29:47.000Z',
    });
  });

  it('reads Atom', async () => {
    const heise = await items('/shared/heise.atom');
    expect(heise).toHaveLength(15);
    expect(brief(heise[0])).toEqual({
      title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      url: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
      publishedAt: '2016-02-01T16:22:00.000Z',
    });
    expect(heise[0]!.externalId).toBe('http://heise.de/-3088438');
    const ads = await items('/shared/feedburner.atom');
    expect(ads).toHaveLength(25);
    expect(brief(ads[0])).toEqual({
      title: 'AdWords and DFP Java client library will soon require Java 7+',
      url: 'http://feedproxy.google.com/~r/blogspot/lQlzL/~3/Zjf41PDVLAc/adwords-and-dfp-java-client-library.html',
      publishedAt: '2016-06-03T14:38:00.000Z',
    });
  });

  it('rejects Atom entries with nothing to store, whole and with a clear message', async () => {
    for (const path of ['/shared/missing-fields.atom', '/shared/incomplete-fields.atom']) {
      const err = await feeds.collect(account(path), 'items', null).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MalformedResponseError);
      expect((err as MalformedResponseError).message).toMatch(/订阅源格式错误.*malformed feed.*item 1/);
    }
  });
});

describe('feed provider on its own fixtures', () => {
  it('reads a GBK government feed: relative links, bare &, control characters, zone-less and missing dates, repeats', async () => {
    const got = await items('/site/rss/gov.xml');
    expect(got.map(brief)).toEqual([
      {
        title: '关于春节期间道路交通管理的通告',
        url: `${server.url}/tzgg/202401/t20240105_101.html`,
        publishedAt: '2024-01-05T02:00:00.000Z',
      },
      {
        title: '户籍窗口暂停办理业务的公告',
        url: `${server.url}/site/rss/tzgg/202401/t20240104_100.html`,
        publishedAt: '2024-01-03T16:00:00.000Z',
      },
      {
        title: '江城市公安局2023年政府信息公开年报',
        url: 'http://www.jc.gov.cn/zwgk/t20231231_99.html',
        // No date in the feed: the fetch time.
        publishedAt: FETCHED_AT.toISOString(),
      },
    ]);
    // The & inside CDATA is text, not an escaped entity.
    expect(got[0]!.text).toBe('详见附件，A&B 路段');
    expect(got[1]!.text).toBe('系统升级&维护，恢复时间另行通知');
    expect(got[0]!.externalId).toBe(`${server.url}/tzgg/202401/t20240105_101.html`);
  });

  it('makes links inside the item HTML absolute', async () => {
    const reader = new FeedReader(new ChannelHttp({ timeoutMs: TEST_TIMEOUT_MS }), new FixedClock());
    const read = await reader.read(`${server.url}/site/rss/gov.xml`);
    if (read.notModified) throw new Error('unexpected 304');
    expect(read.items[0]!.html).toContain(`href="${server.url}/files/notice.pdf"`);
    expect(read.items[0]!.html).toContain(`src="${server.url}/site/rss/img/a.jpg"`);
    expect(read.title).toBe('江城市人民政府 - 通知公告');
  });

  it('sniffs GB18030 without a declaration, and follows a charset label', async () => {
    for (const path of ['/undeclared.xml', '/labelled.xml']) {
      expect((await items(path)).map(brief)).toEqual([
        {
          title: '滨江分局开展反诈宣传进社区活动',
          url: 'http://bj.example.gov.cn/jwdt/202402/t20240201_7.html',
          publishedAt: '2024-02-01T01:30:00.000Z',
        },
      ]);
    }
  });

  it('reads Big5 with a guid that is not a URL', async () => {
    const got = await items('/big5.xml');
    expect(got.map(brief)).toEqual([
      {
        title: '春節期間加強交通疏導',
        url: 'https://police.example.tw/news/1',
        publishedAt: '2024-02-09T00:00:00.000Z',
      },
    ]);
    expect(got[0]!.externalId).toBe('news-1');
  });

  it('reads Atom with a zone-less published, an updated-only entry and a relative link', async () => {
    const got = await items('/jj/atom.xml');
    expect(got.map(brief)).toEqual([
      {
        title: '元宵节<b>灯会</b>周边交通管制',
        url: `${server.url}/jj/tips/2024/0224.html`,
        publishedAt: '2024-02-24T10:00:00.000Z',
      },
      {
        title: '春运返程高峰提示',
        url: 'https://jj.example.gov.cn/tips/2024/0217.html',
        publishedAt: '2024-02-17T08:30:00.000Z',
      },
    ]);
    expect(got[0]!.text).toBe('管制时间 18:00—23:00');
    expect(got[1]!.text).toBe('避开高峰时段');
  });

  it('reads RSS without a version and with Dublin Core dates, through a redirect', async () => {
    expect((await items('/moved')).map(brief)).toEqual([
      {
        title: '2024年第一季度财政预算执行情况',
        url: 'https://www.example.gov.cn/zwgk/2024/q1.html',
        publishedAt: '2024-04-10T01:00:00.000Z',
      },
    ]);
  });

  it('tells 原创 from 转发 on an RSSHub Weibo timeline', async () => {
    const got = await items('/rsshub/weibo/user/5000000001');
    expect(got.map((p) => [p.externalId, p.kind, p.publishedAt.toISOString()])).toEqual([
      ['https://weibo.com/5000000001/Bq8fGh2Kx', 'forward', '2011-05-31T09:46:55.000Z'],
      ['https://weibo.com/5000000001/Bq7aBc1Dd', 'original', '2011-05-31T02:00:00.000Z'],
    ]);
    expect(got[1]!.title).toBe('今日起开展夏季治安巡查[图片]');
  });

  it('rejects a truncated feed and an HTML page, keeping nothing', async () => {
    for (const path of ['/truncated.xml', '/html-page']) {
      const err = await feeds.collect(account(path), 'items', null).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MalformedResponseError);
      expect((err as MalformedResponseError).message).toContain('订阅源格式错误');
    }
  });
});

describe('feed provider over HTTP', () => {
  it('answers a conditional GET with notModified and keeps the validators', async () => {
    const first = await feeds.collect(account('/big5.xml'), 'items', null);
    expect(JSON.parse(first.cursor!)).toEqual({
      etag: expect.any(String) as string,
      lastModified: 'Thu, 29 Feb 2024 08:00:00 GMT',
    });
    const second = await feeds.collect(account('/big5.xml'), 'items', first.cursor);
    expect(second).toEqual({
      publications: [],
      interactions: [],
      cursor: first.cursor,
      more: false,
      notModified: true,
    });
  });

  it('maps HTTP failures', async () => {
    await expect(feeds.collect(account('/nowhere.xml'), 'items', null)).rejects.toBeInstanceOf(
      PermanentError,
    );
    await expect(feeds.collect(account('/broken'), 'items', null)).rejects.toBeInstanceOf(RetryableError);
  });

  it('tests the connection with the feed title; publishing and replying are refused', async () => {
    await expect(feeds.testConnection(account('/site/rss/gov.xml'))).resolves.toEqual({
      displayName: '江城市人民政府 - 通知公告',
      detail: '4 条 / 4 items',
    });
    const a = account('/big5.xml');
    await expect(feeds.publish()).rejects.toThrow('订阅源只读');
    await expect(feeds.reply()).rejects.toBeInstanceOf(PermanentError);
    await expect(feeds.collect(a, 'comments', null)).rejects.toBeInstanceOf(PermanentError);
    await expect(feeds.fetchMetrics()).resolves.toEqual([]);
  });
});
