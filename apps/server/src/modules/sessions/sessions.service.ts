import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { type SessionEntity } from '../../database/entities';
import { SessionsRepository } from './sessions.repository';

export const SESSION_COOKIE = 'sunlight_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3600 * 1000;
/** lastSeenAt is written at most this often, so reading pages does not turn into a stream of writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export const sessionExpired = () =>
  new AppError(
    HttpStatus.UNAUTHORIZED,
    'SESSION_EXPIRED',
    '会话已过期，请重新登录',
    'Session expired, please log in again',
  );
export const unauthenticated = () =>
  new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', '请先登录', 'Please log in');

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly repo: SessionsRepository,
    private readonly clock: Clock,
  ) {}

  /** Returns the cookie token; only its hash is stored. */
  async open(userId: number, ip: string | null): Promise<{ token: string; session: SessionEntity }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = {
      tokenHash: hashToken(token),
      userId,
      csrfToken: randomBytes(24).toString('base64url'),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
      revokedAt: null,
      ip: ip?.slice(0, 64) ?? null,
    };
    await this.repo.insert(session);
    return { token, session: { ...session, createdAt: now } };
  }

  /** The live session behind a cookie token; idle or absolute expiry ends it for good. */
  async resume(token: string | undefined): Promise<SessionEntity> {
    if (!token) throw unauthenticated();
    const tokenHash = hashToken(token);
    const s = await this.repo.findLive(tokenHash);
    if (!s) throw sessionExpired();
    const now = this.clock.now();
    if (now >= s.expiresAt || now.getTime() - s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) {
      await this.repo.revoke(tokenHash, now);
      throw sessionExpired();
    }
    if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await this.repo.touch(tokenHash, now);
    return s;
  }

  close(tokenHash: string): Promise<void> {
    return this.repo.revoke(tokenHash, this.clock.now());
  }

  /** Disabling a user or changing their roles ends every session they have, at once. */
  closeAllOf(userId: number): Promise<void> {
    return this.repo.revokeAllOf(userId, this.clock.now());
  }

  purgeExpired(): Promise<void> {
    return this.repo.deleteExpiredBefore(this.clock.now());
  }
}
