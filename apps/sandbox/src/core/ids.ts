// Identifier formats of the platforms.
import crypto from 'node:crypto';
import type { Db } from './db';

/**
 * Weibo status and comment ids: epoch milliseconds × 10000 + an odd sequence. They sort by creation time
 * (so since_id/max_id work as on Weibo) and are ~1.7e16, beyond 2^53 on purpose, and odd, so no id is
 * exactly representable as a double: a client that reads the numeric `id` instead of `idstr`/`mid` gets a
 * wrong id every time, as the official share example shows can happen.
 */
export class WeiboIds {
  private last: bigint;

  constructor(db: Db) {
    const row = db
      .prepare(
        `SELECT CAST(MAX(m) AS TEXT) AS m FROM (SELECT MAX(id) AS m FROM wb_statuses UNION ALL SELECT MAX(id) FROM wb_comments)`,
      )
      .get() as { m: string | null };
    this.last = row.m ? BigInt(row.m) : 0n;
  }

  /** A fresh id for something created now: strictly greater than every id handed out before. */
  next(nowMs: number): bigint {
    const candidate = BigInt(Math.floor(nowMs)) * 10000n + 1n;
    this.last = candidate > this.last ? candidate : this.last + 2n;
    return this.last;
  }

  /** An id for a back-dated item (seeded history); `seq` keeps ids unique within one millisecond. */
  past(atMs: number, seq: number): bigint {
    return BigInt(Math.floor(atMs)) * 10000n + BigInt(2 * (seq % 4999) + 1);
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}-_`;

/** Random token from an alphabet; crypto-random because tokens and secrets need not be reproducible. */
export function randomString(length: number, alphabet = ALNUM): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

export function randomUrlSafe(length: number): string {
  return randomString(length, URLSAFE);
}

export function randomHex(length: number): string {
  return crypto
    .randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** WeChat's request id suffix on errmsg: " rid: 6899a148-5929c88a-767d57ca". */
export function wechatRid(): string {
  return `${randomHex(8)}-${randomHex(8)}-${randomHex(8)}`;
}

export function sha1(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}
