import { PORT } from '../playwright.config';

// The demo sandbox as the platforms' own APIs show it (Weibo's timeline, WeChat's publish list, the portal's
// column feed), so a test can see what actually went out, not what Sunlight believes it sent.

const sandboxUrl = `http://127.0.0.1:${PORT + 1000}`;

interface PlatformAccount {
  name: string;
  baseUrl: string;
  credentials: Record<string, string | null>;
}

interface DemoManifest {
  departments: { name: string; weibo: PlatformAccount; wechat: PlatformAccount }[];
  portal: PlatformAccount & { feeds: { columns: { code: string; rss: string }[] } };
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** What one 分局's Weibo and WeChat and one column of the bureau portal have published, read live. */
export async function sandboxChannels(department: string, column: string) {
  const manifest = await json<DemoManifest>(await fetch(`${sandboxUrl}/__control/demo`), 'demo manifest');
  const d = manifest.departments.find((x) => x.name === department);
  if (!d) throw new Error(`the demo sandbox has no department ${department}`);
  const feed = manifest.portal.feeds.columns.find((c) => c.code === column);
  if (!feed) throw new Error(`the demo portal has no column ${column}`);
  const weibo = d.weibo.credentials;
  const wechat = d.wechat.credentials;

  return {
    /** statuses/user_timeline: the texts of the account's latest statuses. */
    async weibo(): Promise<string[]> {
      const query = new URLSearchParams({ access_token: weibo.accessToken!, uid: weibo.uid!, count: '20' });
      const page = await json<{ statuses: { text: string }[] }>(
        await fetch(`${d.weibo.baseUrl}/2/statuses/user_timeline.json?${query}`),
        'weibo user_timeline',
      );
      return page.statuses.map((s) => s.text);
    },
    /**
     * freepublish/batchget: the titles of the articles published. A stable token leaves the access token
     * Sunlight holds valid (a plain cgi-bin/token would revoke it).
     */
    async wechat(): Promise<string[]> {
      const token = await json<{ access_token: string }>(
        await fetch(`${d.wechat.baseUrl}/cgi-bin/stable_token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            grant_type: 'client_credential',
            appid: wechat.appid,
            secret: wechat.secret,
          }),
        }),
        'wechat stable_token',
      );
      const list = await json<{ item?: { content: { news_item: { title: string }[] } }[] }>(
        await fetch(`${d.wechat.baseUrl}/cgi-bin/freepublish/batchget?access_token=${token.access_token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ offset: 0, count: 20, no_content: 1 }),
        }),
        'wechat freepublish/batchget',
      );
      return (list.item ?? []).flatMap((i) => i.content.news_item.map((n) => n.title));
    },
    /** The column's RSS feed, as text. */
    async portal(): Promise<string> {
      const response = await fetch(feed.rss);
      if (!response.ok) throw new Error(`portal feed: HTTP ${response.status}`);
      return response.text();
    },
  };
}
