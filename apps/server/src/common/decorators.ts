import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Role } from '@sunlight/contracts';
import { type Actor } from './actor';
import { type SunlightRequest } from './request-context';

export const PUBLIC_ROUTE = 'sunlight:public';
export const ROUTE_ROLES = 'sunlight:roles';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'sunlight:before-password-change';
export const LOGIN_RATE_LIMITED = 'sunlight:login-rate-limited';

/** Reachable without a session (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only callers holding one of these roles, in some department; data-layer scope narrows it further. */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);

/** Reachable while the user still has to replace a temporary password. */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/** Counted against the stricter login rate limit as well as the API's. */
export const LoginRateLimited = () => SetMetadata(LOGIN_RATE_LIMITED, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<SunlightRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without a session');
  return actor;
});
