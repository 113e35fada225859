// Every query on Weibo statuses, comments and users. Ids go in as BigInt and come out as text.
import { prep, type Db } from '../core/db';

export interface StatusRow {
  id: string;
  uid: string;
  text: string;
  created_at: number;
  source: string;
  retweeted_id: string | null;
  pic_id: string | null;
  mention_uid: string | null;
  reposts: number;
  comments: number;
  attitudes: number;
  reads: number;
  deleted: number;
}

export interface CommentRow {
  id: string;
  status_id: string;
  status_uid: string;
  uid: string;
  text: string;
  created_at: number;
  source: string;
  reply_to_id: string | null;
  reply_to_uid: string | null;
}

export interface UserRow {
  uid: string;
  screen_name: string;
  profile: string;
}

const STATUS_COLS = `CAST(id AS TEXT) AS id, uid, text, created_at, source, CAST(retweeted_id AS TEXT) AS retweeted_id,
  pic_id, mention_uid, reposts, comments, attitudes, reads, deleted`;
const COMMENT_COLS = `CAST(id AS TEXT) AS id, CAST(status_id AS TEXT) AS status_id, status_uid, uid, text, created_at,
  source, CAST(reply_to_id AS TEXT) AS reply_to_id, reply_to_uid`;

export interface Cursor {
  sinceId?: bigint;
  maxId?: bigint;
  count: number;
  page: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
  /** Id of the first item after this page (0 when there is none): pass it as max_id to go on. */
  next: string;
}

type Arg = string | number | bigint | null;

function paged<T extends { id: string }>(
  db: Db,
  table: string,
  cols: string,
  where: string,
  args: Arg[],
  c: Cursor,
): Page<T> {
  const base = `FROM ${table} WHERE deleted = 0 AND (${where})`;
  const total = (prep(db, `SELECT COUNT(*) AS n ${base}`).get(...args) as { n: number }).n;
  let cond = '';
  const cargs: Arg[] = [...args];
  if (c.sinceId !== undefined) {
    cond += ' AND id > ?';
    cargs.push(c.sinceId);
  }
  if (c.maxId !== undefined) {
    // Weibo's max_id is inclusive: the item with that id comes back again.
    cond += ' AND id <= ?';
    cargs.push(c.maxId);
  }
  const rows = prep(db, `SELECT ${cols} ${base}${cond} ORDER BY id DESC LIMIT ? OFFSET ?`).all(
    ...cargs,
    c.count + 1,
    (c.page - 1) * c.count,
  ) as T[];
  const extra = rows.length > c.count ? rows.pop() : undefined;
  return { rows, total, next: extra ? extra.id : '0' };
}

export class WeiboRepo {
  constructor(private readonly db: Db) {}

  insertStatus(s: {
    id: bigint;
    uid: string;
    text: string;
    createdAt: number;
    source: string;
    retweetedId?: string | null;
    picId?: string | null;
    mentionUid?: string | null;
    rip?: string | null;
    reposts?: number;
    comments?: number;
    attitudes?: number;
    reads?: number;
  }): void {
    prep(
      this.db,
      `INSERT INTO wb_statuses (id, uid, text, created_at, source, retweeted_id, pic_id, mention_uid, rip, reposts,
           comments, attitudes, reads) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      s.id,
      s.uid,
      s.text,
      s.createdAt,
      s.source,
      s.retweetedId ? BigInt(s.retweetedId) : null,
      s.picId ?? null,
      s.mentionUid ?? null,
      s.rip ?? null,
      s.reposts ?? 0,
      s.comments ?? 0,
      s.attitudes ?? 0,
      s.reads ?? 0,
    );
    this.addCount(s.uid, 1);
  }

  status(id: string, includeDeleted = false): StatusRow | undefined {
    const row = prep(this.db, `SELECT ${STATUS_COLS} FROM wb_statuses WHERE id = ?`).get(BigInt(id)) as
      StatusRow | undefined;
    return row && (includeDeleted || !row.deleted) ? row : undefined;
  }

  statuses(ids: string[]): StatusRow[] {
    if (ids.length === 0) return [];
    const marks = ids.map(() => '?').join(',');
    return prep(this.db, `SELECT ${STATUS_COLS} FROM wb_statuses WHERE deleted = 0 AND id IN (${marks})`).all(
      ...ids.map((i) => BigInt(i)),
    ) as StatusRow[];
  }

  /** feature: 0 all, 1 original, 2 with picture (video/music are never simulated, so they match nothing). */
  timeline(uid: string, feature: number, c: Cursor): Page<StatusRow> {
    const filters: Record<number, string> = {
      0: '1',
      1: 'retweeted_id IS NULL',
      2: 'pic_id IS NOT NULL',
      3: '0',
      4: '0',
    };
    return paged(this.db, 'wb_statuses', STATUS_COLS, `uid = ? AND ${filters[feature] ?? '1'}`, [uid], c);
  }

  reposts(id: string, c: Cursor): Page<StatusRow> {
    return paged(this.db, 'wb_statuses', STATUS_COLS, 'retweeted_id = ?', [BigInt(id)], c);
  }

  mentions(uid: string, originalOnly: boolean, c: Cursor): Page<StatusRow> {
    return paged(
      this.db,
      'wb_statuses',
      STATUS_COLS,
      `mention_uid = ?${originalOnly ? ' AND retweeted_id IS NULL' : ''}`,
      [uid],
      c,
    );
  }

  /** The account's most recent statuses with exactly this text since `sinceMs`, newest first. */
  sameText(uid: string, text: string, sinceMs: number): StatusRow[] {
    return prep(
      this.db,
      `SELECT ${STATUS_COLS} FROM wb_statuses WHERE uid = ? AND deleted = 0 AND text = ? AND created_at >= ?
        ORDER BY id DESC`,
    ).all(uid, text, sinceMs) as StatusRow[];
  }

  /** An earlier repost of the same original with the same text by the same user. */
  sameRepost(uid: string, rootId: string, text: string): boolean {
    return !!prep(
      this.db,
      'SELECT 1 FROM wb_statuses WHERE uid = ? AND retweeted_id = ? AND text = ? AND deleted = 0',
    ).get(uid, BigInt(rootId), text);
  }

  latestStatusId(uid: string): string | null {
    const row = prep(
      this.db,
      'SELECT CAST(MAX(id) AS TEXT) AS id FROM wb_statuses WHERE uid = ? AND deleted = 0',
    ).get(uid) as { id: string | null };
    return row.id;
  }

  countStatuses(uid: string): number {
    const row = prep(this.db, 'SELECT statuses FROM wb_counts WHERE uid = ?').get(uid) as
      { statuses: number } | undefined;
    return row?.statuses ?? 0;
  }

  private addCount(uid: string, by: number): void {
    prep(
      this.db,
      `INSERT INTO wb_counts (uid, statuses) VALUES (?, MAX(0, ?))
       ON CONFLICT (uid) DO UPDATE SET statuses = MAX(0, statuses + excluded.statuses)`,
    ).run(uid, by);
  }

  bump(id: string, field: 'reposts' | 'comments' | 'attitudes' | 'reads', by: number): void {
    prep(this.db, `UPDATE wb_statuses SET ${field} = MAX(0, ${field} + ?) WHERE id = ?`).run(by, BigInt(id));
  }

  deleteStatus(id: string): void {
    const row = this.status(id);
    if (!row) return;
    prep(this.db, 'UPDATE wb_statuses SET deleted = 1 WHERE id = ?').run(BigInt(id));
    this.addCount(row.uid, -1);
  }

  recentStatusIds(uid: string, limit: number): string[] {
    return (
      prep(
        this.db,
        'SELECT CAST(id AS TEXT) AS id FROM wb_statuses WHERE uid = ? AND deleted = 0 ORDER BY id DESC LIMIT ?',
      ).all(uid, limit) as { id: string }[]
    ).map((r) => r.id);
  }

  insertComment(c: {
    id: bigint;
    statusId: string;
    statusUid: string;
    uid: string;
    text: string;
    createdAt: number;
    source: string;
    replyToId?: string | null;
    replyToUid?: string | null;
    mentionUid?: string | null;
  }): void {
    prep(
      this.db,
      `INSERT INTO wb_comments (id, status_id, status_uid, uid, text, created_at, source, reply_to_id, reply_to_uid,
           mention_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      c.id,
      BigInt(c.statusId),
      c.statusUid,
      c.uid,
      c.text,
      c.createdAt,
      c.source,
      c.replyToId ? BigInt(c.replyToId) : null,
      c.replyToUid ?? null,
      c.mentionUid ?? null,
    );
    this.bump(c.statusId, 'comments', 1);
  }

  comment(id: string): CommentRow | undefined {
    return prep(this.db, `SELECT ${COMMENT_COLS} FROM wb_comments WHERE id = ? AND deleted = 0`).get(
      BigInt(id),
    ) as CommentRow | undefined;
  }

  hasCommentText(statusId: string, uid: string, text: string): boolean {
    return !!prep(
      this.db,
      'SELECT 1 FROM wb_comments WHERE status_id = ? AND uid = ? AND text = ? AND deleted = 0',
    ).get(BigInt(statusId), uid, text);
  }

  /** Comment lists: on one status, to me (on my statuses or replying to me), by me, both, or mentioning me. */
  comments(
    scope: 'show' | 'to_me' | 'by_me' | 'timeline' | 'mentions',
    key: string,
    c: Cursor,
  ): Page<CommentRow> {
    const where: Record<typeof scope, [string, number]> = {
      show: ['status_id = ?', 1],
      to_me: ['(status_uid = ? OR reply_to_uid = ?) AND uid <> ?', 3],
      by_me: ['uid = ?', 1],
      timeline: ['(status_uid = ? OR reply_to_uid = ? OR uid = ?)', 3],
      mentions: ['mention_uid = ?', 1],
    };
    const [sql, n] = where[scope];
    const arg = scope === 'show' ? BigInt(key) : key;
    return paged(this.db, 'wb_comments', COMMENT_COLS, sql, Array<Arg>(n).fill(arg), c);
  }

  recentCommentsOn(uid: string, byUid: string, limit: number): CommentRow[] {
    return prep(
      this.db,
      `SELECT ${COMMENT_COLS} FROM wb_comments WHERE status_uid = ? AND uid = ? AND deleted = 0 ORDER BY id DESC LIMIT ?`,
    ).all(uid, byUid, limit) as CommentRow[];
  }

  upsertUser(uid: string, screenName: string, profile: object): void {
    prep(
      this.db,
      `INSERT INTO wb_users (uid, screen_name, profile) VALUES (?, ?, ?)
         ON CONFLICT (uid) DO UPDATE SET screen_name = excluded.screen_name, profile = excluded.profile`,
    ).run(uid, screenName, JSON.stringify(profile));
  }

  user(uid: string): UserRow | undefined {
    return prep(this.db, 'SELECT * FROM wb_users WHERE uid = ?').get(uid) as UserRow | undefined;
  }

  userByName(screenName: string): UserRow | undefined {
    return prep(this.db, 'SELECT * FROM wb_users WHERE screen_name = ?').get(screenName) as
      UserRow | undefined;
  }
}
