import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTest, type TestSandbox } from './helpers';

let t: TestSandbox;
let base: string;
let key: string;
let siteAccount: string;

const COLUMNS = [
  { code: 'jwdt', name: '警务动态' },
  { code: 'tzgg', name: '通知公告' },
  { code: 'jfts', name: '警方提示' },
];

beforeAll(async () => {
  t = await startTest();
  const r = await t.ctl<{ id: string; baseUrl: string; credentials: { apiKey: string } }>(
    'POST',
    '/accounts',
    {
      platform: 'portal',
      name: '江城市公安局',
      siteId: 'jcga',
      columns: COLUMNS,
    },
  );
  base = r.body.baseUrl;
  key = r.body.credentials.apiKey;
  siteAccount = r.body.id;
});
afterAll(() => t.close());

type Envelope<T> = { code: number; msg: string; data: T };
type Article = {
  id: number;
  url: string;
  title: string;
  column: string;
  publishedAt: string;
  replayed: boolean;
};

async function cms<T>(
  method: string,
  p: string,
  body?: unknown,
  apiKey = key,
): Promise<{ status: number; body: Envelope<T> }> {
  const res = await fetch(`${base}/api/cms${p}`, {
    method,
    headers: { 'X-Api-Key': apiKey, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Envelope<T> };
}

describe('portal CMS', () => {
  it('creates an article that appears in its column RSS (valid, parsed back) and the site Atom feed', async () => {
    const created = await cms<Article>('POST', '/articles', {
      column: 'jwdt',
      title: '市公安局召开夏季治安打击整治行动部署会',
      content: '<p>会议要求，全市公安机关要以"平安"为目标。</p>',
      author: '宣传处',
      clientRef: 'pub-1',
    });
    expect(created.status).toBe(201);
    expect(created.body.code).toBe(0);
    const a = created.body.data;
    expect(a.url).toMatch(/\/sites\/jcga\/jwdt\/\d{6}\/t\d{8}_\d+\.html$/);
    expect(a.publishedAt).toMatch(/\+08:00$/);
    const parser = new Parser();
    const rss = await parser.parseURL(`${base}/rss/jwdt.xml`);
    expect(rss.title).toBe('江城市公安局 - 警务动态');
    expect(rss.items.map((i) => i.title)).toEqual(['市公安局召开夏季治安打击整治行动部署会']);
    expect(rss.items[0]!.link).toBe(a.url);
    expect(rss.items[0]!.guid).toBe(a.url);
    expect(rss.items[0]!.content).toContain('平安');
    expect(new Date(rss.items[0]!.isoDate!).getTime()).toBe(new Date(a.publishedAt).getTime());
    expect((await parser.parseURL(`${base}/rss/tzgg.xml`)).items).toHaveLength(0);
    const atom = await parser.parseURL(`${base}/atom.xml`);
    expect(atom.items[0]!.title).toBe('市公安局召开夏季治安打击整治行动部署会');
    expect(atom.items[0]!.link).toBe(a.url);
    const page = await fetch(a.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('夏季治安打击整治行动');
  });

  it('answers 304 to a conditional GET of an unchanged feed', async () => {
    const first = await fetch(`${base}/rss.xml`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${base}/rss.xml`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    await cms('POST', '/articles', {
      column: 'tzgg',
      title: '关于户籍业务系统升级的公告',
      content: '<p>暂停办理</p>',
    });
    const changed = await fetch(`${base}/rss.xml`, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
  });

  it('is idempotent per clientRef and refuses the same content without one (409)', async () => {
    const body = {
      column: 'jwdt',
      title: '市公安局召开夏季治安打击整治行动部署会',
      content: '<p>会议要求，全市公安机关要以"平安"为目标。</p>',
      clientRef: 'pub-1',
    };
    const replay = await cms<Article>('POST', '/articles', body);
    expect(replay.status).toBe(200);
    expect(replay.body.data.replayed).toBe(true);
    const dup = await cms<{ existingId: number }>('POST', '/articles', { ...body, clientRef: 'pub-2' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(40900);
    expect(dup.body.data.existingId).toBe(replay.body.data.id);
    const byRef = await cms<{ items: Article[] }>('GET', '/articles?clientRef=pub-1');
    expect(byRef.body.data.items.map((i) => i.id)).toEqual([replay.body.data.id]);
    const ledger = await t.ctl<{ total: number; duplicates: unknown[] }>(
      'GET',
      `/published?account=${siteAccount}`,
    );
    expect(ledger.body.total).toBe(2);
    expect(ledger.body.duplicates).toEqual([]);
  });

  it('checks the API key (40100) and input (40001, 40002)', async () => {
    const noKey = await fetch(`${base}/api/cms/articles`);
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as Envelope<null>).code).toBe(40100);
    expect((await cms('GET', '/articles', undefined, 'wrong-key-123')).status).toBe(401);
    expect((await cms('POST', '/articles', { column: 'nope', title: 'x', content: 'y' })).body.code).toBe(
      40002,
    );
    expect((await cms('POST', '/articles', { column: 'jwdt', title: '', content: 'y' })).body.code).toBe(
      40001,
    );
    const unknownSite = await fetch(`${t.url}/sites/nosuch/rss.xml`);
    expect(unknownSite.status).toBe(404);
  });

  it('withdraws an article from its feed', async () => {
    const a = (
      await cms<Article>('POST', '/articles', {
        column: 'jfts',
        title: '警方提示：防溺水',
        content: '<p>暑期注意</p>',
      })
    ).body.data;
    expect((await new Parser().parseURL(`${base}/rss/jfts.xml`)).items).toHaveLength(1);
    expect((await cms('DELETE', `/articles/${a.id}`)).status).toBe(200);
    expect((await new Parser().parseURL(`${base}/rss/jfts.xml`)).items).toHaveLength(0);
    expect((await cms('GET', `/articles/${a.id}`)).status).toBe(404);
  });

  it('lists letters from the public by since_id, and takes one reply per letter', async () => {
    const adv = await t.ctl<{ items: { id: string; category: string; text: string }[] }>(
      'POST',
      '/public/advance',
      {
        count: 5,
        accounts: [siteAccount],
        kinds: { letter: 1 },
      },
    );
    const page1 = await cms<{
      items: {
        id: number;
        categoryName: string;
        content: string;
        name: string;
        phone: string;
        status: string;
      }[];
      nextSinceId: number;
      hasMore: boolean;
    }>('GET', '/letters?limit=3');
    expect(page1.body.data.items).toHaveLength(3);
    expect(page1.body.data.hasMore).toBe(true);
    expect(page1.body.data.items[0]!.content).toBe(adv.body.items[0]!.text);
    expect(page1.body.data.items[0]!.name).toMatch(/^.\*\*$/);
    expect(page1.body.data.items[0]!.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(['咨询', '求助', '投诉', '举报', '建议', '表扬']).toContain(
      page1.body.data.items[0]!.categoryName,
    );
    const page2 = await cms<{ items: { id: number }[]; hasMore: boolean }>(
      'GET',
      `/letters?since_id=${page1.body.data.nextSinceId}`,
    );
    expect(page2.body.data.items).toHaveLength(2);
    expect(page2.body.data.hasMore).toBe(false);
    const id = page1.body.data.items[0]!.id;
    const reply = await cms<{ status: string; reply: { content: string } }>('POST', `/letters/${id}/reply`, {
      content: '您好，已转交辖区派出所处理。',
      department: '东湖分局',
    });
    expect(reply.body.data.status).toBe('replied');
    expect((await cms('POST', `/letters/${id}/reply`, { content: '再次答复' })).status).toBe(409);
    const pending = await cms<{ items: unknown[] }>('GET', '/letters?status=pending');
    expect(pending.body.data.items).toHaveLength(4);
  });

  it('counts page views per day, column and article', async () => {
    const a = (
      await cms<Article>('POST', '/articles', {
        column: 'tzgg',
        title: '关于调整出入境办证时间的通知',
        content: '<p>通知</p>',
      })
    ).body.data;
    await fetch(a.url);
    await fetch(a.url);
    const date = a.publishedAt.slice(0, 10);
    const stats = await cms<{
      total: number;
      columns: { column: string; views: number }[];
      articles: { id: number; views: number }[];
    }>('GET', `/stats/pageviews?date=${date}`);
    expect(stats.body.data.articles.find((x) => x.id === a.id)?.views).toBe(2);
    expect(stats.body.data.columns.find((c) => c.column === 'tzgg')!.views).toBeGreaterThanOrEqual(2);
    const range = await cms<{ days: { date: string; total: number }[] }>(
      'GET',
      `/stats/pageviews?from=${date}&to=${date}`,
    );
    expect(range.body.data.days[0]!.total).toBe(stats.body.data.total);
    expect((await cms('GET', '/stats/pageviews')).status).toBe(400);
  });
});

describe('legacy (government CMS style) feed', () => {
  it('is GB2312 with relative links, a bare &, zone-less dates and an item without pubDate', async () => {
    const r = await t.ctl<{ baseUrl: string; credentials: { apiKey: string } }>('POST', '/accounts', {
      platform: 'portal',
      name: '老站点公安局',
      siteId: 'legacy',
      columns: [{ code: 'gzdt', name: '工作动态' }],
      feedStyle: 'legacy',
    });
    for (let i = 1; i <= 5; i++) {
      await fetch(`${r.body.baseUrl}/api/cms/articles`, {
        method: 'POST',
        headers: { 'X-Api-Key': r.body.credentials.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ column: 'gzdt', title: `工作动态第${i}期`, content: `<p>内容${i}</p>` }),
      });
    }
    const res = await fetch(`${r.body.baseUrl}/rss/gzdt.xml`);
    expect(res.headers.get('content-type')).toContain('gb2312');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.includes(Buffer.from('工作动态', 'utf8'))).toBe(false);
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text).toMatch(/^<\?xml version="1.0" encoding="gb2312"\?>/);
    expect(text).toContain('工作动态第5期');
    expect(text).toContain('权威发布&便民服务');
    // Host-relative links that lead to the article page when resolved against the feed URL.
    const link = /<link>(\/sites\/legacy\/gzdt\/\d{6}\/t\d{8}_\d+\.html)<\/link>/.exec(text);
    expect(link).not.toBeNull();
    const page = await fetch(new URL(link![1]!, res.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('工作动态第');
    expect(text).toMatch(/<pubDate>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}<\/pubDate>/);
    expect((text.match(/<item>/g) ?? []).length).toBe(5);
    expect((text.match(/<pubDate>/g) ?? []).length).toBe(4);
  });
});
