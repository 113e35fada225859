// Everything published through the platform APIs, per account, for the exactly-once check: a client that
// sends the same content twice (different idempotency keys, a retry after a lost response) shows up here
// as two entries with the same normalised-content hash.
import type { Clock } from './clock';
import { prep, type Db } from './db';
import type { Platform } from './accounts';
import { sha1 } from './ids';

export type LedgerOrigin = 'api' | 'history';

export interface LedgerEntry {
  seq: number;
  accountId: string;
  platform: Platform;
  externalId: string;
  kind: string;
  origin: LedgerOrigin;
  endpoint: string;
  title: string | null;
  text: string;
  contentHash: string;
  normHash: string;
  status: string;
  createdAt: number;
}

/** Text without markup, links and whitespace differences: what a reader would call "the same post". */
export function normalizeContent(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/[^\s<>"'，。]+/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface LedgerFilter {
  accountId?: string;
  platform?: Platform;
  origin?: LedgerOrigin | 'all';
  sinceSeq?: number;
  /** Only these kinds (original, forward, article, mass, comment, reply …). */
  kinds?: string[];
  limit?: number;
}

interface Row {
  seq: number;
  account_id: string;
  platform: Platform;
  external_id: string;
  kind: string;
  origin: LedgerOrigin;
  endpoint: string;
  title: string | null;
  text: string;
  content_hash: string;
  norm_hash: string;
  status: string;
  created_at: number;
}

function where(f: LedgerFilter): { sql: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  if (f.accountId) {
    parts.push('account_id = ?');
    args.push(f.accountId);
  }
  if (f.platform) {
    parts.push('platform = ?');
    args.push(f.platform);
  }
  const origin = f.origin ?? 'api';
  if (origin !== 'all') {
    parts.push('origin = ?');
    args.push(origin);
  }
  if (f.sinceSeq) {
    parts.push('seq > ?');
    args.push(f.sinceSeq);
  }
  if (f.kinds?.length) {
    parts.push(`kind IN (${f.kinds.map(() => '?').join(',')})`);
    args.push(...f.kinds);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

export class Ledger {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  record(e: {
    accountId: string;
    platform: Platform;
    externalId: string;
    kind: string;
    origin: LedgerOrigin;
    endpoint: string;
    title?: string | null;
    text: string;
    status: string;
    at?: number;
  }): void {
    const full = `${e.title ?? ''}\n${e.text}`;
    prep(
      this.db,
      `INSERT INTO ledger (account_id, platform, external_id, kind, origin, endpoint, title, text, content_hash,
           norm_hash, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.accountId,
      e.platform,
      e.externalId,
      e.kind,
      e.origin,
      e.endpoint,
      e.title ?? null,
      e.text,
      sha1(full),
      sha1(normalizeContent(full)),
      e.status,
      e.at ?? this.clock.now(),
    );
  }

  setStatus(platform: Platform, externalId: string, status: string): void {
    prep(this.db, 'UPDATE ledger SET status = ? WHERE platform = ? AND external_id = ?').run(
      status,
      platform,
      externalId,
    );
  }

  recordRejection(accountId: string, endpoint: string, code: string | number, text: string): void {
    prep(
      this.db,
      'INSERT INTO rejections (account_id, endpoint, code, norm_hash, text, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(accountId, endpoint, String(code), sha1(normalizeContent(text)), text, this.clock.now());
  }

  list(f: LedgerFilter): LedgerEntry[] {
    const w = where(f);
    const rows = prep(this.db, `SELECT * FROM ledger ${w.sql} ORDER BY seq LIMIT ?`).all(
      ...w.args,
      f.limit ?? 10_000,
    ) as Row[];
    return rows.map((r) => ({
      seq: r.seq,
      accountId: r.account_id,
      platform: r.platform,
      externalId: r.external_id,
      kind: r.kind,
      origin: r.origin,
      endpoint: r.endpoint,
      title: r.title,
      text: r.text,
      contentHash: r.content_hash,
      normHash: r.norm_hash,
      status: r.status,
      createdAt: r.created_at,
    }));
  }

  /** Groups of entries of one account with the same normalised content, more than one per group. */
  duplicates(
    f: LedgerFilter,
  ): { accountId: string; normHash: string; count: number; externalIds: string[]; sample: string }[] {
    const w = where(f);
    const rows = prep(
      this.db,
      `SELECT account_id, norm_hash, COUNT(*) AS n, GROUP_CONCAT(external_id, ',') AS ids, MIN(text) AS sample
         FROM ledger ${w.sql} GROUP BY account_id, norm_hash HAVING COUNT(*) > 1 ORDER BY n DESC`,
    ).all(...w.args) as { account_id: string; norm_hash: string; n: number; ids: string; sample: string }[];
    return rows.map((r) => ({
      accountId: r.account_id,
      normHash: r.norm_hash,
      count: r.n,
      externalIds: r.ids.split(','),
      sample: r.sample.slice(0, 120),
    }));
  }

  counts(f: LedgerFilter): Record<string, number> {
    const w = where(f);
    const rows = prep(
      this.db,
      `SELECT account_id, COUNT(*) AS n FROM ledger ${w.sql} GROUP BY account_id`,
    ).all(...w.args) as { account_id: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.account_id, r.n]));
  }

  rejections(
    accountId?: string,
  ): { accountId: string; endpoint: string; code: string; text: string; createdAt: number }[] {
    const rows = prep(
      this.db,
      `SELECT * FROM rejections ${accountId ? 'WHERE account_id = ?' : ''} ORDER BY seq`,
    ).all(...(accountId ? [accountId] : [])) as {
      account_id: string;
      endpoint: string;
      code: string;
      text: string;
      created_at: number;
    }[];
    return rows.map((r) => ({
      accountId: r.account_id,
      endpoint: r.endpoint,
      code: r.code,
      text: r.text,
      createdAt: r.created_at,
    }));
  }
}
