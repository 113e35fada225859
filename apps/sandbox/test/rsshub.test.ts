import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { midToBid } from '../src/rsshub/weibo-user';
import { share, startTest, weibo, weiboAccount, type TestSandbox } from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTest();
});
afterAll(() => t.close());

describe('RSSHub stand-in', () => {
  it("converts a mid to Weibo's base62 bid as RSSHub does", () => {
    expect(midToBid('3501756485200075')).toBe('z0JH2lOMb');
  });

  it('serves /weibo/user/:uid as RSSHub formats it, reposts included', async () => {
    const up = await weiboAccount(t, { name: '江南公安' });
    const me = await weiboAccount(t, { name: '平安江城' });
    const orig = await share(t, up, '【权威发布】暑期安全提示 http://localhost/x');
    await weibo(t, 'POST', '/2/statuses/repost.json', {
      access_token: me.token,
      id: orig.body.idstr as string,
      status: '扩散！',
      rip: '1.1.1.1',
    });
    const feed = await new Parser().parseURL(`${t.url}/rsshub/weibo/user/${me.uid}`);
    expect(feed.title).toBe('平安江城的微博');
    expect(feed.link).toBe(`https://weibo.com/${me.uid}/`);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toBe('扩散！ - 转发 江南公安: 【权威发布】暑期安全提示 http://localhost/x');
    expect(feed.items[0]!.link).toMatch(new RegExp(`^https://weibo\\.com/${me.uid}/[0-9a-zA-Z]+$`));
    expect(feed.items[0]!.content).toContain('<blockquote> - 转发 ');
    expect((await fetch(`${t.url}/rsshub/weibo/user/123`)).status).toBe(404);
  });
});
