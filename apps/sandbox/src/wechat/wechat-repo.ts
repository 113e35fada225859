// Every query on WeChat drafts, publish jobs, comments and article statistics.
import { prep, type Db } from '../core/db';

export interface NewsItem {
  article_type: 'news' | 'newspic';
  title: string;
  author: string;
  digest: string;
  content: string;
  content_source_url: string;
  thumb_media_id: string;
  need_open_comment: number;
  only_fans_can_comment: number;
  show_cover_pic: number;
  /** Path of the cover image under the sandbox's public base. */
  thumb_url: string;
  /** Set when published: the article page is <public base>/s/<slug>. */
  slug?: string;
}

export interface DraftRow {
  media_id: string;
  account_id: string;
  articles: NewsItem[];
  created_at: number;
  update_time: number;
}

export interface PublishRow {
  publish_id: string;
  account_id: string;
  kind: 'freepublish' | 'mass';
  media_id: string | null;
  msg_data_id: string;
  msg_id: string | null;
  article_id: string | null;
  articles: NewsItem[];
  submitted_at: number;
  finish_at: number;
  outcome: number;
  fail_idx: number[];
  deleted_idx: number[];
  comments_open: number[];
  notified: number;
  original: number;
}

type RawPublish = Omit<PublishRow, 'articles' | 'fail_idx' | 'deleted_idx' | 'comments_open'> & {
  articles: string;
  fail_idx: string;
  deleted_idx: string;
  comments_open: string;
};

function parsePublish(r: RawPublish | undefined): PublishRow | undefined {
  if (!r) return undefined;
  return {
    ...r,
    articles: JSON.parse(r.articles) as NewsItem[],
    fail_idx: JSON.parse(r.fail_idx) as number[],
    deleted_idx: JSON.parse(r.deleted_idx) as number[],
    comments_open: JSON.parse(r.comments_open) as number[],
  };
}

export interface CommentRow {
  msg_data_id: string;
  idx: number;
  user_comment_id: number;
  account_id: string;
  openid: string;
  content: string;
  create_time: number;
  elected: number;
  reply_content: string | null;
  reply_time: number | null;
  deleted: number;
}

export type DailyField = 'read_user' | 'read_count' | 'share_user' | 'share_count' | 'fav_user' | 'fav_count';

export interface DailyRow {
  msg_data_id: string;
  idx: number;
  ref_date: string;
  read_user: number;
  read_count: number;
  share_user: number;
  share_count: number;
  fav_user: number;
  fav_count: number;
}

export class WechatRepo {
  constructor(private readonly db: Db) {}

  insertDraft(d: DraftRow): void {
    prep(
      this.db,
      'INSERT INTO wx_drafts (media_id, account_id, articles, created_at, update_time) VALUES (?, ?, ?, ?, ?)',
    ).run(d.media_id, d.account_id, JSON.stringify(d.articles), d.created_at, d.update_time);
  }

  draft(mediaId: string, accountId: string): DraftRow | undefined {
    const r = prep(
      this.db,
      `SELECT * FROM wx_drafts WHERE media_id = ? AND account_id = ? AND state = 'draft'`,
    ).get(mediaId, accountId) as (Omit<DraftRow, 'articles'> & { articles: string }) | undefined;
    return r ? { ...r, articles: JSON.parse(r.articles) as NewsItem[] } : undefined;
  }

  saveDraft(mediaId: string, articles: NewsItem[], now: number): void {
    prep(this.db, 'UPDATE wx_drafts SET articles = ?, update_time = ? WHERE media_id = ?').run(
      JSON.stringify(articles),
      now,
      mediaId,
    );
  }

  setDraftState(mediaId: string, state: 'draft' | 'deleted' | 'published'): void {
    prep(this.db, 'UPDATE wx_drafts SET state = ? WHERE media_id = ?').run(state, mediaId);
  }

  drafts(accountId: string, offset: number, count: number): { total: number; rows: DraftRow[] } {
    const total = (
      prep(this.db, `SELECT COUNT(*) AS n FROM wx_drafts WHERE account_id = ? AND state = 'draft'`).get(
        accountId,
      ) as { n: number }
    ).n;
    const rows = prep(
      this.db,
      `SELECT * FROM wx_drafts WHERE account_id = ? AND state = 'draft' ORDER BY update_time DESC, media_id LIMIT ? OFFSET ?`,
    ).all(accountId, count, offset) as (Omit<DraftRow, 'articles'> & { articles: string })[];
    return { total, rows: rows.map((r) => ({ ...r, articles: JSON.parse(r.articles) as NewsItem[] })) };
  }

  insertPublish(p: PublishRow): void {
    prep(
      this.db,
      `INSERT INTO wx_publish (publish_id, account_id, kind, media_id, msg_data_id, msg_id, article_id, articles,
           submitted_at, finish_at, outcome, fail_idx, deleted_idx, comments_open, notified, original)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      p.publish_id,
      p.account_id,
      p.kind,
      p.media_id,
      p.msg_data_id,
      p.msg_id,
      p.article_id,
      JSON.stringify(p.articles),
      p.submitted_at,
      p.finish_at,
      p.outcome,
      JSON.stringify(p.fail_idx),
      JSON.stringify(p.deleted_idx),
      JSON.stringify(p.comments_open),
      p.notified,
      p.original,
    );
  }

  publish(publishId: string): PublishRow | undefined {
    return parsePublish(
      prep(this.db, 'SELECT * FROM wx_publish WHERE publish_id = ?').get(publishId) as RawPublish | undefined,
    );
  }

  byArticle(articleId: string): PublishRow | undefined {
    return parsePublish(
      prep(this.db, 'SELECT * FROM wx_publish WHERE article_id = ?').get(articleId) as RawPublish | undefined,
    );
  }

  byMsgData(msgDataId: string): PublishRow | undefined {
    return parsePublish(
      prep(this.db, 'SELECT * FROM wx_publish WHERE msg_data_id = ?').get(msgDataId) as
        RawPublish | undefined,
    );
  }

  /** Successfully published (finished, outcome 0 or later deleted) jobs of an account, newest first. */
  published(
    accountId: string,
    now: number,
    offset = 0,
    count = 1_000_000,
  ): { total: number; rows: PublishRow[] } {
    const where = `account_id = ? AND finish_at <= ? AND outcome IN (0, 5, 6)`;
    const total = (
      prep(this.db, `SELECT COUNT(*) AS n FROM wx_publish WHERE ${where}`).get(accountId, now) as {
        n: number;
      }
    ).n;
    const rows = prep(
      this.db,
      `SELECT * FROM wx_publish WHERE ${where} ORDER BY submitted_at DESC, publish_id DESC LIMIT ? OFFSET ?`,
    ).all(accountId, now, count, offset) as RawPublish[];
    return { total, rows: rows.map((r) => parsePublish(r)!) };
  }

  due(now: number): PublishRow[] {
    return (
      prep(this.db, 'SELECT * FROM wx_publish WHERE notified = 0 AND finish_at <= ?').all(now) as RawPublish[]
    ).map((r) => parsePublish(r)!);
  }

  update(
    publishId: string,
    fields: Partial<Pick<PublishRow, 'outcome' | 'deleted_idx' | 'comments_open' | 'notified'>>,
  ): void {
    for (const [k, v] of Object.entries(fields)) {
      prep(this.db, `UPDATE wx_publish SET ${k} = ? WHERE publish_id = ?`).run(
        Array.isArray(v) ? JSON.stringify(v) : v,
        publishId,
      );
    }
  }

  insertComment(
    c: Omit<CommentRow, 'user_comment_id' | 'elected' | 'reply_content' | 'reply_time' | 'deleted'>,
  ): number {
    const next =
      (
        prep(
          this.db,
          'SELECT COALESCE(MAX(user_comment_id), 0) AS m FROM wx_comments WHERE msg_data_id = ? AND idx = ?',
        ).get(c.msg_data_id, c.idx) as { m: number }
      ).m + 1;
    prep(
      this.db,
      `INSERT INTO wx_comments (msg_data_id, idx, user_comment_id, account_id, openid, content, create_time)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(c.msg_data_id, c.idx, next, c.account_id, c.openid, c.content, c.create_time);
    return next;
  }

  comment(msgDataId: string, idx: number, id: number): CommentRow | undefined {
    return prep(
      this.db,
      'SELECT * FROM wx_comments WHERE msg_data_id = ? AND idx = ? AND user_comment_id = ?',
    ).get(msgDataId, idx, id) as CommentRow | undefined;
  }

  comments(
    msgDataId: string,
    idx: number,
    type: number,
    begin: number,
    count: number,
  ): { total: number; rows: CommentRow[] } {
    const filter = type === 1 ? ' AND elected = 0' : type === 2 ? ' AND elected = 1' : '';
    const where = `msg_data_id = ? AND idx = ? AND deleted = 0${filter}`;
    const total = (
      prep(this.db, `SELECT COUNT(*) AS n FROM wx_comments WHERE ${where}`).get(msgDataId, idx) as {
        n: number;
      }
    ).n;
    const rows = prep(
      this.db,
      `SELECT * FROM wx_comments WHERE ${where} ORDER BY user_comment_id LIMIT ? OFFSET ?`,
    ).all(msgDataId, idx, count, begin) as CommentRow[];
    return { total, rows };
  }

  updateComment(
    msgDataId: string,
    idx: number,
    id: number,
    fields: Partial<Pick<CommentRow, 'elected' | 'reply_content' | 'reply_time' | 'deleted'>>,
  ): void {
    for (const [k, v] of Object.entries(fields)) {
      prep(
        this.db,
        `UPDATE wx_comments SET ${k} = ? WHERE msg_data_id = ? AND idx = ? AND user_comment_id = ?`,
      ).run(v ?? null, msgDataId, idx, id);
    }
  }

  bumpDaily(
    accountId: string,
    msgDataId: string,
    idx: number,
    date: string,
    add: Partial<Record<DailyField, number>>,
  ): void {
    prep(
      this.db,
      'INSERT OR IGNORE INTO wx_article_daily (msg_data_id, idx, ref_date, account_id) VALUES (?, ?, ?, ?)',
    ).run(msgDataId, idx, date, accountId);
    const sets = Object.keys(add).map((k) => `${k} = ${k} + @${k}`);
    if (sets.length === 0) return;
    prep(
      this.db,
      `UPDATE wx_article_daily SET ${sets.join(', ')} WHERE msg_data_id = @m AND idx = @i AND ref_date = @d`,
    ).run({ ...add, m: msgDataId, i: idx, d: date });
  }

  daily(accountId: string, from: string, to: string): DailyRow[] {
    return prep(
      this.db,
      'SELECT * FROM wx_article_daily WHERE account_id = ? AND ref_date BETWEEN ? AND ? ORDER BY ref_date, msg_data_id, idx',
    ).all(accountId, from, to) as DailyRow[];
  }

  dailyOf(msgDataId: string, idx: number, from: string, to: string): DailyRow[] {
    return prep(
      this.db,
      'SELECT * FROM wx_article_daily WHERE msg_data_id = ? AND idx = ? AND ref_date BETWEEN ? AND ? ORDER BY ref_date',
    ).all(msgDataId, idx, from, to) as DailyRow[];
  }
}
