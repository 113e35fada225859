// Every query on portal articles, letters and page views.
import { prep, type Db } from '../core/db';

export interface ArticleRow {
  id: number;
  account_id: string;
  column_code: string;
  title: string;
  content: string;
  summary: string | null;
  author: string | null;
  source: string | null;
  client_ref: string | null;
  published_at: number;
  created_at: number;
  deleted: number;
}

export interface LetterRow {
  id: number;
  account_id: string;
  category: string;
  topic: string;
  title: string;
  content: string;
  name: string;
  phone: string;
  submitted_at: number;
  reply: string | null;
  reply_department: string | null;
  replied_at: number | null;
}

export class PortalRepo {
  constructor(private readonly db: Db) {}

  insertArticle(a: Omit<ArticleRow, 'id' | 'deleted'>): number {
    const info = prep(
      this.db,
      `INSERT INTO portal_articles (account_id, column_code, title, content, summary, author, source, client_ref,
           published_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.account_id,
      a.column_code,
      a.title,
      a.content,
      a.summary,
      a.author,
      a.source,
      a.client_ref,
      a.published_at,
      a.created_at,
    );
    return Number(info.lastInsertRowid);
  }

  article(accountId: string, id: number): ArticleRow | undefined {
    return prep(this.db, 'SELECT * FROM portal_articles WHERE account_id = ? AND id = ? AND deleted = 0').get(
      accountId,
      id,
    ) as ArticleRow | undefined;
  }

  byClientRef(accountId: string, ref: string): ArticleRow | undefined {
    return prep(this.db, 'SELECT * FROM portal_articles WHERE account_id = ? AND client_ref = ?').get(
      accountId,
      ref,
    ) as ArticleRow | undefined;
  }

  sameContent(
    accountId: string,
    column: string,
    title: string,
    content: string,
    sinceMs: number,
  ): ArticleRow | undefined {
    return prep(
      this.db,
      `SELECT * FROM portal_articles WHERE account_id = ? AND column_code = ? AND title = ? AND content = ? AND deleted = 0
         AND created_at >= ? LIMIT 1`,
    ).get(accountId, column, title, content, sinceMs) as ArticleRow | undefined;
  }

  /** Live articles (published_at ≤ now), newest first; `column` null for every column. */
  articles(
    accountId: string,
    f: { column?: string | null; sinceId?: number; now: number; limit: number; offset?: number },
  ): { total: number; rows: ArticleRow[] } {
    const where = `account_id = ? AND deleted = 0 AND published_at <= ?${f.column ? ' AND column_code = ?' : ''}${f.sinceId ? ' AND id > ?' : ''}`;
    const args: (string | number)[] = [accountId, f.now];
    if (f.column) args.push(f.column);
    if (f.sinceId) args.push(f.sinceId);
    const total = (
      prep(this.db, `SELECT COUNT(*) AS n FROM portal_articles WHERE ${where}`).get(...args) as {
        n: number;
      }
    ).n;
    const rows = prep(
      this.db,
      `SELECT * FROM portal_articles WHERE ${where} ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?`,
    ).all(...args, f.limit, f.offset ?? 0) as ArticleRow[];
    return { total, rows };
  }

  deleteArticle(accountId: string, id: number): boolean {
    return (
      prep(
        this.db,
        'UPDATE portal_articles SET deleted = 1 WHERE account_id = ? AND id = ? AND deleted = 0',
      ).run(accountId, id).changes > 0
    );
  }

  insertLetter(l: Omit<LetterRow, 'id' | 'reply' | 'reply_department' | 'replied_at'>): number {
    const info = prep(
      this.db,
      `INSERT INTO portal_letters (account_id, category, topic, title, content, name, phone, submitted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(l.account_id, l.category, l.topic, l.title, l.content, l.name, l.phone, l.submitted_at);
    return Number(info.lastInsertRowid);
  }

  letter(accountId: string, id: number): LetterRow | undefined {
    return prep(this.db, 'SELECT * FROM portal_letters WHERE account_id = ? AND id = ?').get(
      accountId,
      id,
    ) as LetterRow | undefined;
  }

  letters(
    accountId: string,
    f: { sinceId: number; sinceMs: number; status?: string; limit: number },
  ): LetterRow[] {
    const status =
      f.status === 'pending' ? ' AND reply IS NULL' : f.status === 'replied' ? ' AND reply IS NOT NULL' : '';
    return prep(
      this.db,
      `SELECT * FROM portal_letters WHERE account_id = ? AND id > ? AND submitted_at > ?${status} ORDER BY id LIMIT ?`,
    ).all(accountId, f.sinceId, f.sinceMs, f.limit) as LetterRow[];
  }

  replyLetter(id: number, content: string, department: string, at: number): void {
    prep(
      this.db,
      'UPDATE portal_letters SET reply = ?, reply_department = ?, replied_at = ? WHERE id = ?',
    ).run(content, department, at, id);
  }

  addViews(accountId: string, date: string, articleId: number, views: number): void {
    prep(
      this.db,
      `INSERT INTO portal_pageviews (account_id, ref_date, article_id, views) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, ref_date, article_id) DO UPDATE SET views = views + excluded.views`,
    ).run(accountId, date, articleId, views);
  }

  viewsOn(
    accountId: string,
    date: string,
  ): { article_id: number; views: number; title: string | null; column_code: string | null }[] {
    return prep(
      this.db,
      `SELECT v.article_id, v.views, a.title, a.column_code FROM portal_pageviews v
         LEFT JOIN portal_articles a ON a.id = v.article_id WHERE v.account_id = ? AND v.ref_date = ? ORDER BY v.views DESC`,
    ).all(accountId, date) as {
      article_id: number;
      views: number;
      title: string | null;
      column_code: string | null;
    }[];
  }

  dailyViews(accountId: string, from: string, to: string): { ref_date: string; views: number }[] {
    return prep(
      this.db,
      `SELECT ref_date, SUM(views) AS views FROM portal_pageviews WHERE account_id = ? AND ref_date BETWEEN ? AND ?
         GROUP BY ref_date ORDER BY ref_date`,
    ).all(accountId, from, to) as { ref_date: string; views: number }[];
  }
}
