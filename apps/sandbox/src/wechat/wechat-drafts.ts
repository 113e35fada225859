// The draft box: draft/add, get, update, delete, count, batchget. A draft leaves the box when it is
// published successfully.
import type { SandboxContext } from '../core/context';
import { randomUrlSafe } from '../core/ids';
import { WechatError } from './wechat-errors';
import { body, int, str, type WxHandler } from './wechat-handler';
import { isPermanentCover } from './wechat-material';
import type { NewsItem, WechatRepo } from './wechat-repo';

/** Plain text of article HTML, for the default digest. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where a published article sits in its message: the message's msg_data_id and the 1-based index. */
export interface ArticleRef {
  msgDataId: string;
  idx: number;
}

/**
 * The article's link. A published article's link names its message and place the way mp.weixin.qq.com links
 * do (`mid` = msg_data_id, the key of the comment and datacube APIs; `idx`; `sn`), so a client can find an
 * article's comments from the article list; a draft has only its preview page.
 */
export function articleUrl(base: string, a: NewsItem, ref?: ArticleRef): string {
  if (!a.slug) return '';
  return ref ? `${base}/s?mid=${ref.msgDataId}&idx=${ref.idx}&sn=${a.slug}#rd` : `${base}/s/${a.slug}`;
}

export function newsItemJson(a: NewsItem, base: string, withContent = true, ref?: ArticleRef) {
  return {
    article_type: a.article_type,
    title: a.title,
    author: a.author,
    digest: a.digest,
    content: withContent ? a.content : '',
    content_source_url: a.content_source_url,
    thumb_media_id: a.thumb_media_id,
    show_cover_pic: a.show_cover_pic,
    need_open_comment: a.need_open_comment,
    only_fans_can_comment: a.only_fans_can_comment,
    url: articleUrl(base, a, ref),
    thumb_url: a.thumb_url ? base + a.thumb_url : '',
    is_deleted: false,
  };
}

export function draftHandlers(ctx: SandboxContext, repo: WechatRepo) {
  const article = (raw: unknown, accountId: string): NewsItem => {
    if (!raw || typeof raw !== 'object') throw new WechatError(44003);
    const a = raw as Record<string, unknown>;
    const type = a.article_type === 'newspic' ? 'newspic' : 'news';
    const title = str(a.title) ?? '';
    const content = str(a.content) ?? '';
    if (!title || !content) throw new WechatError(44003);
    if ([...title].length > 64) throw new WechatError(45003);
    if (content.length > 20_000) throw new WechatError(45002);
    const digest = str(a.digest) ?? [...textOf(content)].slice(0, 54).join('');
    if ([...digest].length > 120) throw new WechatError(45004);
    const thumb = str(a.thumb_media_id) ?? '';
    const thumbUrl = thumb ? isPermanentCover(ctx, accountId, thumb) : null;
    if (type === 'news' && !thumbUrl) throw new WechatError(40007);
    return {
      article_type: type,
      title,
      author: str(a.author) ?? '',
      digest,
      // Scripts are stripped as WeChat does; everything else is kept as sent.
      content: content.replace(/<script[\s\S]*?<\/script>/gi, ''),
      content_source_url: str(a.content_source_url) ?? '',
      thumb_media_id: thumb,
      need_open_comment: int(a.need_open_comment, 0) ? 1 : 0,
      only_fans_can_comment: int(a.only_fans_can_comment, 0) ? 1 : 0,
      show_cover_pic: int(a.show_cover_pic, 0) ? 1 : 0,
      thumb_url: thumbUrl ?? '',
    };
  };

  const mustDraft = (mediaId: unknown, accountId: string) => {
    const id = str(mediaId);
    const d = id ? repo.draft(id, accountId) : undefined;
    if (!d) throw new WechatError(40007);
    return d;
  };

  const add: WxHandler = (req, account) => {
    const b = body(req);
    if (!Array.isArray(b.articles) || b.articles.length === 0) throw new WechatError(44003);
    if (b.articles.length > 8) throw new WechatError(61451);
    const articles = b.articles.map((a) => article(a, account.id));
    const mediaId = randomUrlSafe(43).replace(/^[-_]/, 'M');
    const now = ctx.clock.now();
    repo.insertDraft({
      media_id: mediaId,
      account_id: account.id,
      articles,
      created_at: now,
      update_time: now,
    });
    return { media_id: mediaId };
  };

  const get: WxHandler = (req, account) => {
    const d = mustDraft(body(req).media_id, account.id);
    return {
      news_item: d.articles.map((a) => newsItemJson(a, ctx.publicBase)),
      create_time: Math.floor(d.created_at / 1000),
      update_time: Math.floor(d.update_time / 1000),
    };
  };

  const update: WxHandler = (req, account) => {
    const b = body(req);
    const d = mustDraft(b.media_id, account.id);
    const index = int(b.index, 0);
    if (index < 0 || index >= d.articles.length) throw new WechatError(61451);
    d.articles[index] = article(b.articles, account.id);
    repo.saveDraft(d.media_id, d.articles, ctx.clock.now());
    return { errcode: 0, errmsg: 'ok' };
  };

  const remove: WxHandler = (req, account) => {
    const d = mustDraft(body(req).media_id, account.id);
    repo.setDraftState(d.media_id, 'deleted');
    return { errcode: 0, errmsg: 'ok' };
  };

  const count: WxHandler = (_req, account) => ({ total_count: repo.drafts(account.id, 0, 0).total });

  const batchget: WxHandler = (req, account) => {
    const b = body(req);
    const offset = int(b.offset, 0);
    const n = int(b.count, 20);
    if (offset < 0 || n < 1 || n > 20) throw new WechatError(61451);
    const noContent = int(b.no_content, 0) === 1;
    const page = repo.drafts(account.id, offset, n);
    return {
      total_count: page.total,
      item_count: page.rows.length,
      item: page.rows.map((d) => ({
        media_id: d.media_id,
        content: {
          news_item: d.articles.map((a) => newsItemJson(a, ctx.publicBase, !noContent)),
          create_time: Math.floor(d.created_at / 1000),
          update_time: Math.floor(d.update_time / 1000),
        },
        update_time: Math.floor(d.update_time / 1000),
      })),
    };
  };

  return { add, get, update, remove, count, batchget };
}
