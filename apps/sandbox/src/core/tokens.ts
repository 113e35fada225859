// Access tokens of all platforms. A token is valid while now < expires_at and (not revoked, or still
// inside its grace period: WeChat keeps the previous token alive for 5 minutes after issuing a new one).
import type { Clock } from './clock';
import { prep, type Db } from './db';
import { randomString, randomUrlSafe } from './ids';

export type TokenKind = 'weibo' | 'wx' | 'wx_stable';

export interface TokenRow {
  token: string;
  account_id: string;
  kind: TokenKind;
  issued_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export type TokenCheck =
  | { state: 'ok'; row: TokenRow }
  | { state: 'expired'; row: TokenRow }
  | { state: 'revoked'; row: TokenRow }
  | { state: 'unknown' };

export class Tokens {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  issue(accountId: string, kind: TokenKind, ttlSeconds: number, value?: string): TokenRow {
    const now = this.clock.now();
    const row: TokenRow = {
      token: value ?? newTokenValue(kind),
      account_id: accountId,
      kind,
      issued_at: now,
      expires_at: now + ttlSeconds * 1000,
      revoked_at: null,
    };
    prep(
      this.db,
      `INSERT INTO tokens (token, account_id, kind, issued_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)
         ON CONFLICT (token) DO UPDATE SET account_id = excluded.account_id, kind = excluded.kind,
           issued_at = excluded.issued_at, expires_at = excluded.expires_at, revoked_at = NULL`,
    ).run(row.token, accountId, kind, row.issued_at, row.expires_at);
    return row;
  }

  check(token: string): TokenCheck {
    const row = prep(this.db, 'SELECT * FROM tokens WHERE token = ?').get(token) as TokenRow | undefined;
    if (!row) return { state: 'unknown' };
    const now = this.clock.now();
    if (row.revoked_at !== null && now >= row.revoked_at) return { state: 'revoked', row };
    if (now >= row.expires_at) return { state: 'expired', row };
    return { state: 'ok', row };
  }

  /** Revokes every live token of the kind except `keep`, effective after `graceMs`. */
  revokeOthers(accountId: string, kind: TokenKind, keep: string | null, graceMs: number): void {
    prep(
      this.db,
      `UPDATE tokens SET revoked_at = ? WHERE account_id = ? AND kind = ? AND token IS NOT ? AND revoked_at IS NULL`,
    ).run(this.clock.now() + graceMs, accountId, kind, keep);
  }

  /** The newest token of a kind that is still valid, if any. */
  current(accountId: string, kind: TokenKind): TokenRow | undefined {
    const now = this.clock.now();
    return prep(
      this.db,
      `SELECT * FROM tokens WHERE account_id = ? AND kind = ? AND expires_at > ? AND (revoked_at IS NULL OR revoked_at > ?)
         ORDER BY issued_at DESC LIMIT 1`,
    ).get(accountId, kind, now, now) as TokenRow | undefined;
  }

  /** Makes every token of the account expire now (control API: simulate expiry). */
  expireAll(accountId: string): number {
    const now = this.clock.now();
    return prep(this.db, 'UPDATE tokens SET expires_at = ? WHERE account_id = ? AND expires_at > ?').run(
      now,
      accountId,
      now,
    ).changes;
  }

  list(accountId: string): TokenRow[] {
    return prep(this.db, 'SELECT * FROM tokens WHERE account_id = ? ORDER BY issued_at DESC').all(
      accountId,
    ) as TokenRow[];
  }
}

function newTokenValue(kind: TokenKind): string {
  // Weibo tokens look like "2.00VNxxxx…" (32 chars); WeChat's are long opaque strings (store ≥512).
  if (kind === 'weibo') return `2.00${randomString(28)}`;
  return `${randomString(8, '0123456789')}_${randomUrlSafe(128)}`;
}
