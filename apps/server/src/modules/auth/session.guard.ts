import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { csrfHeader, type Role } from '@sunlight/contracts';
import { holdsRole } from '../../common/actor';
import { AppError, forbidden } from '../../common/app-error';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE, ROUTE_ROLES } from '../../common/decorators';
import { clientIp, type SunlightRequest } from '../../common/request-context';
import { sameSecret, SESSION_COOKIE, sessionExpired, SessionsService } from '../sessions/sessions.service';
import { actorOf } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route needs a live session unless marked @Public(); changes need the CSRF
 * token; a pending password change blocks everything else; @Roles narrows who may call.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest<SunlightRequest>();
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    const session = await this.sessions.resume(cookies?.[SESSION_COOKIE]);
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) {
      await this.sessions.close(session.tokenHash);
      throw sessionExpired();
    }
    req.sessionRecord = session;
    req.actor = actorOf(user, clientIp(req));
    if (!SAFE_METHODS.has(req.method) && !sameSecret(req.header(csrfHeader) ?? '', session.csrfToken)) {
      throw new AppError(
        HttpStatus.FORBIDDEN,
        'CSRF_INVALID',
        '页面已失效，请刷新后重试',
        'Missing or wrong CSRF token',
      );
    }
    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)
    ) {
      throw new AppError(
        HttpStatus.FORBIDDEN,
        'PASSWORD_CHANGE_REQUIRED',
        '请先修改初始密码',
        'Change your temporary password first',
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles && !holdsRole(req.actor, roles)) throw forbidden();
    return true;
  }
}
