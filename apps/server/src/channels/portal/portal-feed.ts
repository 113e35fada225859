// The site's own feed → publications. Article pages follow the CMS's /<column>/<yyyymm>/t<yyyymmdd>_<id>.html
// scheme, which gives the column (栏目) and the article id the CMS API uses, so a collected article and one
// published through the API are the same row.
import type { CollectedPublication } from '../channel.interface';
import { feedItemToPublication } from '../feed/feed-items';
import { type FeedItem } from '../feed/feed-reader';

const ARTICLE_PAGE = /\/([A-Za-z0-9_-]+)\/\d{6}\/t\d{8}_(\d+)\.html?$/;

export function portalItemToPublication(item: FeedItem): CollectedPublication {
  const p = feedItemToPublication(item);
  const m = item.link ? ARTICLE_PAGE.exec(new URL(item.link).pathname) : null;
  // Portal articles are the site's own: 原创 unless the CMS says otherwise.
  return m ? { ...p, externalId: m[2]!, columnCode: m[1]!, kind: 'original' } : { ...p, kind: 'original' };
}
