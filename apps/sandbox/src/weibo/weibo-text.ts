// Weibo's text rules: the 140-character limit counts a Chinese character as 1 and two Latin characters
// as 1, and every link as a short t.cn link (10); statuses/share must link to the app's safe domain.
const URL_RE = /https?:\/\/[^\s\u3000-\u303f\uff00-\uffef<>"']+/g;
const SHORT_LINK_LENGTH = 10;

export function weiboLength(text: string): number {
  let half = 0;
  const withoutUrls = text.replace(URL_RE, () => {
    half += SHORT_LINK_LENGTH * 2;
    return '';
  });
  for (const ch of withoutUrls) half += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return Math.ceil(half / 2);
}

export function urlsIn(text: string): string[] {
  return text.match(URL_RE) ?? [];
}

export function hasSafeDomainLink(text: string, domains: string[]): boolean {
  if (domains.length === 0) return true;
  return urlsIn(text).some((u) => {
    let host: string;
    try {
      host = new URL(u).hostname;
    } catch {
      return false;
    }
    return domains.some((d) => host === d || host.endsWith(`.${d}`));
  });
}

export function sourceHtml(appName: string, appKey: string): string {
  return `<a href="http://app.weibo.com/t/feed/${appKey.slice(0, 6)}" rel="nofollow">${appName}</a>`;
}

/** "@name" mentions in a text, in order. */
export function mentionsIn(text: string): string[] {
  return [...text.matchAll(/@([\u4e00-\u9fa5A-Za-z0-9_-]{2,30})/g)].map((m) => m[1]!);
}
