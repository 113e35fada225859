// Where collection stands: stream cursors, the account's polling state (last collected, last error, backoff),
// and the token a refresh replaces. Writes take the job's transaction, so they commit with the rows they cover.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Channel } from '@sunlight/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { engineOf } from '../../database/data-source';
import { AccountEntity } from '../../database/entities';
import { fromDbInstant, toDbInstant } from '../../database/instant';
import { type SealedCredentials } from '../accounts/accounts.repository';
import { engineOfTx, execute, instantParam, quoted } from './collection-sql';

/** An account that may be polled, with when each of its streams was last collected. */
export interface PollableAccount {
  id: number;
  channel: Channel;
  secretKeys: string;
  hasToken: boolean;
  tokenExpiresAt: Date | null;
  /** stream → end of its last successful collection. */
  polledAt: Map<string, Date>;
}

export interface FailureRecord {
  failures: number;
  lastError: string;
  backoffUntil: Date | null;
  /** The platform refused the credentials: the account is 已失效 until a person sets new ones. */
  authFailed: boolean;
}

interface PollRow {
  id: number | string;
  channel: Channel;
  secretKeys: string;
  hasToken: number | string;
  tokenExpiresAt: Date | string | null;
  stream: string | null;
  polledAt: Date | string | null;
}

const instantOrNull = (v: Date | string | null) => (v === null ? null : fromDbInstant(v));

@Injectable()
export class CollectionStateRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  account(id: number): Promise<AccountEntity | null> {
    return this.ds.getRepository(AccountEntity).findOneBy({ id });
  }

  /**
   * Enabled accounts whose credentials the platform has not refused and that are not backing off, each
   * with the collection time of its streams. Which stream is due is the caller's rule (per channel).
   */
  async pollableAccounts(now: Date): Promise<PollableAccount[]> {
    const rows = await this.ds.query<PollRow[]>(
      `SELECT a.id, a.channel, a.secret_keys AS secretKeys, (a.access_token IS NOT NULL) AS hasToken,
              a.token_expires_at AS tokenExpiresAt, c.stream, c.updated_at AS polledAt
         FROM accounts a LEFT JOIN collect_cursors c ON c.account_id = a.id
        WHERE a.disabled = 0 AND a.auth_failed_at IS NULL AND (a.backoff_until IS NULL OR a.backoff_until <= ?)
        ORDER BY a.id`,
      [toDbInstant(this.ds, now)],
    );
    const byId = new Map<number, PollableAccount>();
    for (const r of rows) {
      const id = Number(r.id);
      let a = byId.get(id);
      if (!a) {
        a = {
          id,
          channel: r.channel,
          secretKeys: r.secretKeys,
          hasToken: Number(r.hasToken) === 1,
          tokenExpiresAt: instantOrNull(r.tokenExpiresAt),
          polledAt: new Map(),
        };
        byId.set(id, a);
      }
      if (r.stream !== null && r.polledAt !== null) a.polledAt.set(r.stream, fromDbInstant(r.polledAt));
    }
    return [...byId.values()];
  }

  async readCursor(accountId: number, stream: string): Promise<string | null> {
    const rows = await this.ds.query<Array<{ value: string | null }>>(
      `SELECT ${quoted(engineOf(this.ds), 'cursor')} AS value FROM collect_cursors WHERE account_id = ? AND stream = ?`,
      [accountId, stream],
    );
    return rows[0]?.value ?? null;
  }

  /**
   * Moves a stream's cursor from `expected` (what the page was read after) to `next`. False when someone
   * else moved it meanwhile: the caller rolls back rather than store a page against the wrong cursor.
   */
  async advanceCursor(
    tx: EntityManager,
    accountId: number,
    stream: string,
    expected: string | null,
    next: string | null,
    now: Date,
  ): Promise<boolean> {
    // CURSOR is a reserved word in MySQL.
    const engine = engineOfTx(tx);
    const cursor = quoted(engine, 'cursor');
    const same = engine === 'mysql' ? `${cursor} <=> ?` : `${cursor} IS ?`;
    const at = instantParam(tx, now);
    const updated = await execute(
      tx,
      `UPDATE collect_cursors SET ${cursor} = ?, updated_at = ? WHERE account_id = ? AND stream = ? AND ${same}`,
      [next, at, accountId, stream, expected],
    );
    if (updated === 1) return true;
    if (expected !== null) return false;
    return (await this.insertCursor(tx, accountId, stream, next, now, 'keep')) === 1;
  }

  /** Records a collection without a cursor (the `metrics` reading) so the schedule knows when it ran. */
  async touchStream(tx: EntityManager, accountId: number, stream: string, now: Date): Promise<void> {
    await this.insertCursor(tx, accountId, stream, null, now, 'touch');
  }

  private insertCursor(
    tx: EntityManager,
    accountId: number,
    stream: string,
    cursor: string | null,
    now: Date,
    existing: 'keep' | 'touch',
  ): Promise<number> {
    const engine = engineOfTx(tx);
    const columns = `collect_cursors (account_id, stream, ${quoted(engine, 'cursor')}, updated_at) VALUES (?, ?, ?, ?)`;
    // 'keep' must tell an insert from a row already there. mysql2 connects with FOUND_ROWS, under which an
    // ON DUPLICATE KEY no-op still reports a row, so MySQL uses INSERT IGNORE (0 rows when it exists).
    const sql =
      existing === 'keep'
        ? engine === 'mysql'
          ? `INSERT IGNORE INTO ${columns}`
          : `INSERT INTO ${columns} ON CONFLICT (account_id, stream) DO NOTHING`
        : engine === 'mysql'
          ? `INSERT INTO ${columns} ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at)`
          : `INSERT INTO ${columns} ON CONFLICT (account_id, stream) DO UPDATE SET updated_at = excluded.updated_at`;
    return execute(tx, sql, [accountId, stream, cursor, instantParam(tx, now)]);
  }

  /**
   * The account's failure count and sealed token, locked for the rest of the transaction on MySQL so two
   * failing streams count one after the other (SQLite has a single writer anyway).
   */
  async lockState(
    tx: EntityManager,
    accountId: number,
  ): Promise<{ failures: number; accessToken: string | null } | null> {
    const lock = engineOfTx(tx) === 'mysql' ? ' FOR UPDATE' : '';
    const rows = await tx.query<Array<{ failures: number | string; accessToken: string | null }>>(
      `SELECT consecutive_failures AS failures, access_token AS accessToken FROM accounts WHERE id = ?${lock}`,
      [accountId],
    );
    const r = rows[0];
    return r ? { failures: Number(r.failures), accessToken: r.accessToken } : null;
  }

  /** A collection went through: the account shows no error and may be polled on schedule. */
  async recordSuccess(tx: EntityManager, accountId: number, now: Date): Promise<void> {
    // updated_at is kept: it tells when a person last changed the account, not when it was polled.
    await execute(
      tx,
      `UPDATE accounts SET last_collected_at = ?, last_error = NULL, last_error_at = NULL,
              consecutive_failures = 0, backoff_until = NULL, updated_at = updated_at
        WHERE id = ?`,
      [instantParam(tx, now), accountId],
    );
  }

  async recordFailure(tx: EntityManager, accountId: number, f: FailureRecord, now: Date): Promise<void> {
    const at = instantParam(tx, now);
    await execute(
      tx,
      `UPDATE accounts SET last_error = ?, last_error_at = ?, consecutive_failures = ?, backoff_until = ?,
              auth_failed_at = ${f.authFailed ? '?' : 'auth_failed_at'}, updated_at = updated_at
        WHERE id = ?`,
      [
        f.lastError,
        at,
        f.failures,
        f.backoffUntil ? instantParam(tx, f.backoffUntil) : null,
        ...(f.authFailed ? [at] : []),
        accountId,
      ],
    );
  }

  /** 立即采集: a person lifts the backoff (a long one follows a permanent refusal). */
  async clearBackoff(accountId: number): Promise<void> {
    await this.ds.query('UPDATE accounts SET backoff_until = NULL, updated_at = updated_at WHERE id = ?', [
      accountId,
    ]);
  }

  /**
   * Stores a refreshed token only if the account still holds the token that was found expired: of two
   * refreshes racing, or a person entering a token meanwhile, the first write wins and the other is dropped.
   */
  async replaceToken(
    tx: EntityManager,
    accountId: number,
    expected: string | null,
    sealed: Required<Pick<SealedCredentials, 'accessToken' | 'tokenExpiresAt'>>,
  ): Promise<boolean> {
    const same = engineOfTx(tx) === 'mysql' ? 'access_token <=> ?' : 'access_token IS ?';
    const changed = await execute(
      tx,
      `UPDATE accounts SET access_token = ?, token_expires_at = ?, auth_failed_at = NULL WHERE id = ? AND ${same}`,
      [
        sealed.accessToken,
        sealed.tokenExpiresAt ? instantParam(tx, sealed.tokenExpiresAt) : null,
        accountId,
        expected,
      ],
    );
    return changed === 1;
  }

  /** External ids of the account's live publications since `since`, newest first: whose metrics to read. */
  async recentPublicationIds(accountId: number, since: Date, limit: number): Promise<string[]> {
    const rows = await this.ds.query<Array<{ externalId: string }>>(
      `SELECT external_id AS externalId FROM publications
        WHERE account_id = ? AND status = 'published' AND external_id IS NOT NULL AND published_at >= ?
        ORDER BY published_at DESC LIMIT ?`,
      [accountId, toDbInstant(this.ds, since), limit],
    );
    return rows.map((r) => r.externalId);
  }
}
