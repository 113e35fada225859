// Any RSS 2.0, RSS 1.0 or Atom URL → items: conditional GET, bytes decoded by their charset, repaired,
// parsed by rss-parser, links made absolute, dates read in Beijing time when the feed gives no zone.
// Used by the feed provider and by the portal provider for its site feed.
import { Injectable } from '@nestjs/common';
import Parser from 'rss-parser';
import { Clock } from '../../common/clock';
import { MalformedResponseError } from '../channel-errors';
import { ChannelHttp } from '../http/channel-http';
import { httpStatusError } from '../http/responses';
import { excerpt, htmlToText } from '../text';
import { decodeFeed, repairXml } from './feed-decode';
import { parseFeedDate } from './feed-dates';

export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export interface FeedItem {
  /** guid, else link: what makes two fetches of one item the same item. */
  key: string;
  title: string;
  link: string | null;
  publishedAt: Date;
  /** The item had no usable date: publishedAt is the fetch time. */
  undated: boolean;
  html: string;
  text: string;
  author: string | null;
  categories: string[];
}

export type FeedRead =
  | { notModified: true; validators: FeedValidators }
  | { notModified: false; validators: FeedValidators; title: string; items: FeedItem[] };

/** What rss-parser may put on an item; values are checked, not trusted. */
interface RawItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  pubDate?: unknown;
  date?: unknown;
  publishedRaw?: unknown;
  updatedRaw?: unknown;
  creator?: unknown;
  author?: unknown;
  content?: unknown;
  summary?: unknown;
  'content:encoded'?: unknown;
  categories?: unknown[];
  atomCategories?: unknown[];
}

const parser = new Parser<Record<string, unknown>, RawItem>({
  // Feeds that forget version="2.0" on <rss> are still RSS 2.
  defaultRSS: 2,
  customFields: {
    item: [
      ['published', 'publishedRaw'],
      ['updated', 'updatedRaw'],
      ['category', 'atomCategories', { keepArray: true }],
    ],
  },
});

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

@Injectable()
export class FeedReader {
  constructor(
    private readonly http: ChannelHttp,
    private readonly clock: Clock,
  ) {}

  async read(url: string, validators: FeedValidators = {}): Promise<FeedRead> {
    const headers: Record<string, string> = { accept: ACCEPT };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const res = await this.http.send({ method: 'GET', url, headers });
    const fetchedAt = this.clock.now();
    const next = {
      etag: res.header('etag') ?? validators.etag,
      lastModified: res.header('last-modified') ?? validators.lastModified,
    };
    if (res.status === 304) return { notModified: true, validators: next };
    if (res.status !== 200) throw httpStatusError(res, false, fetchedAt);
    const xml = repairXml(decodeFeed(res.body, res.header('content-type')));
    let feed: Parser.Output<RawItem>;
    try {
      feed = await parser.parseString(xml);
    } catch (e) {
      throw malformed(url, e instanceof Error ? e.message.split('\n')[0]! : String(e));
    }
    // Links are resolved against the URL that answered (redirects included).
    const base = res.url;
    const items = feed.items.map((raw, i) => toItem(raw, i, base, fetchedAt, url));
    return { notModified: false, validators: next, title: feed.title?.trim() ?? '', items };
  }
}

function malformed(url: string, why: string): MalformedResponseError {
  return new MalformedResponseError({
    code: null,
    message: `订阅源格式错误，未收录任何条目 / malformed feed, nothing stored: ${url}: ${why}`,
  });
}

function absolute(link: string | undefined, base: string): string | null {
  const v = link?.trim();
  if (!v) return null;
  try {
    return new URL(v, base).toString();
  } catch {
    return null;
  }
}

/** src= and href= inside an item's HTML, made absolute so the text reads the same out of context. */
function absoluteHtml(html: string, base: string): string {
  return html.replace(/\b(src|href)\s*=\s*(["'])([^"']*)\2/gi, (m, attr: string, q: string, v: string) => {
    const abs = absolute(v, base);
    return abs && !/^(javascript|data):/i.test(v) ? `${attr}=${q}${abs}${q}` : m;
  });
}

function categoryName(c: unknown): string | null {
  if (typeof c === 'string') return c.trim() || null;
  if (typeof c !== 'object' || c === null) return null;
  const o = c as { _?: unknown; $?: { term?: unknown; label?: unknown } };
  const v = o._ ?? o.$?.term;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** xml2js hands over objects where an element had attributes and no text: only strings count. */
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function toItem(raw: RawItem, index: number, base: string, fetchedAt: Date, url: string): FeedItem {
  const link = absolute(str(raw.link), base);
  const html = absoluteHtml(str(raw['content:encoded']) ?? str(raw.content) ?? str(raw.summary) ?? '', base);
  const text = htmlToText(html);
  const title = (str(raw.title) ?? '').trim() || excerpt(text);
  const key = (str(raw.guid) ?? str(raw.id) ?? '').trim() || link;
  // A feed must say what each item is: an entry with no id/link, or with nothing a person could read, is
  // not something to store half of.
  if (!key)
    throw malformed(
      url,
      `第 ${index + 1} 条没有 guid、id 或链接 / item ${index + 1} has no guid, id or link`,
    );
  if (!title && !link)
    throw malformed(
      url,
      `第 ${index + 1} 条没有标题、链接或正文 / item ${index + 1} has no title, link or text`,
    );
  const date = parseFeedDate(
    str(raw.publishedRaw) ?? str(raw.updatedRaw) ?? str(raw.pubDate) ?? str(raw.date),
  );
  const categories = [...(raw.categories ?? []), ...(raw.atomCategories ?? [])]
    .map(categoryName)
    .filter((c): c is string => c !== null);
  return {
    key,
    title,
    link,
    publishedAt: date ?? fetchedAt,
    undated: date === null,
    html,
    text,
    author: (str(raw.creator) ?? str(raw.author))?.trim() || null,
    categories: [...new Set(categories)],
  };
}
