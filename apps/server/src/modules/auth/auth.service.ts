import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { type Session } from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../../common/passwords';
import { type SessionEntity, type UserEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { IDLE_TIMEOUT_MS, SessionsService } from '../sessions/sessions.service';
import { scopedGrants } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottleRepository } from './login-throttle.repository';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

const invalidCredentials = () =>
  new AppError(
    HttpStatus.UNAUTHORIZED,
    'INVALID_CREDENTIALS',
    '用户名或密码错误',
    'Wrong username or password',
  );

function locked(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000));
  return new AppError(
    HttpStatus.LOCKED,
    'ACCOUNT_LOCKED',
    `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
    `Too many failed logins; locked for ${minutes} more minute(s)`,
  );
}

@Injectable()
export class AuthService {
  /** Verified against when the username does not exist, so timing does not reveal which names do. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly users: UsersRepository,
    private readonly throttles: LoginThrottleRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.decoyHash = hashPassword('decoy-password-never-used');
  }

  async login(
    username: string,
    password: string,
    ip: string | null,
  ): Promise<{ token: string; session: Session }> {
    const now = this.clock.now();
    const throttle = await this.throttles.find(username);
    if (throttle?.lockedUntil && throttle.lockedUntil > now) {
      await this.audit.record({
        username,
        ip,
        action: 'auth.login_failed',
        result: 'denied',
        detail: '账号锁定期间尝试登录',
      });
      throw locked(throttle.lockedUntil, now);
    }
    const user = await this.users.findByUsername(username);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !ok) return this.failed(username, ip, throttle, now);
    if (user.disabled) {
      await this.audit.record({
        username,
        ip,
        action: 'auth.login_failed',
        result: 'denied',
        detail: '账号已停用',
      });
      throw new AppError(
        HttpStatus.FORBIDDEN,
        'ACCOUNT_DISABLED',
        '该账号已停用，请联系系统管理员',
        'This account is disabled',
      );
    }
    if (throttle) await this.throttles.clear(username);
    await this.users.update(user.id, { lastLoginAt: now });
    const { token, session } = await this.sessions.open(user.id, ip);
    await this.audit.record({
      actor: { userId: user.id, username, ip },
      action: 'auth.login',
      result: 'success',
    });
    return { token, session: await this.describe(user, session.csrfToken, session.expiresAt) };
  }

  private async failed(
    username: string,
    ip: string | null,
    throttle: { failures: number } | null,
    now: Date,
  ): Promise<never> {
    const failures = (throttle?.failures ?? 0) + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null;
    await this.throttles.save({
      username,
      failures: lockedUntil ? 0 : failures,
      lockedUntil,
      lastFailureAt: now,
    });
    await this.audit.record({
      username,
      ip,
      action: 'auth.login_failed',
      result: 'failed',
      detail: `连续失败 ${failures} 次`,
    });
    if (lockedUntil) {
      await this.audit.record({
        username,
        ip,
        action: 'auth.locked',
        result: 'denied',
        detail: `锁定 ${LOCKOUT_MS / 60000} 分钟`,
      });
      throw locked(lockedUntil, now);
    }
    throw invalidCredentials();
  }

  async logout(actor: Actor, session: SessionEntity): Promise<void> {
    await this.sessions.close(session.tokenHash);
    await this.audit.record({ actor, action: 'auth.logout', result: 'success' });
  }

  async changePassword(
    actor: Actor,
    session: SessionEntity,
    current: string,
    next: string,
  ): Promise<Session> {
    const user = (await this.users.findById(actor.userId))!;
    if (!(await verifyPassword(user.passwordHash, current))) {
      await this.audit.record({
        actor,
        action: 'auth.password_changed',
        result: 'failed',
        detail: '原密码错误',
      });
      throw new AppError(
        HttpStatus.UNAUTHORIZED,
        'INVALID_CREDENTIALS',
        '原密码不正确',
        'The current password is wrong',
      );
    }
    assertPasswordPolicy(next, user.username);
    if (current === next)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'PASSWORD_POLICY',
        '新密码不能与原密码相同',
        'The new password must differ from the current one',
      );
    await this.users.update(user.id, { passwordHash: await hashPassword(next), mustChangePassword: false });
    await this.audit.record({ actor, action: 'auth.password_changed', result: 'success' });
    return this.me(actor, session);
  }

  async me(actor: Actor, session: SessionEntity): Promise<Session> {
    const user = (await this.users.findById(actor.userId))!;
    return this.describe(user, session.csrfToken, session.expiresAt);
  }

  private async describe(user: UserEntity, csrfToken: string, expiresAt: Date): Promise<Session> {
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        departmentId: user.departmentId,
        departmentName: user.department?.name ?? '',
      },
      roles: scopedGrants(user).map((g) => ({
        role: g.role,
        departmentId: g.departmentId,
        departmentName: g.departmentName,
      })),
      mustChangePassword: user.mustChangePassword,
      csrfToken,
      idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000,
      expiresAt: expiresAt.toISOString(),
      demo: await this.settings.isDemo(),
    };
  }
}
