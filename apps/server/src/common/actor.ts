import { type Role } from '@sunlight/contracts';

/** A role grant with the materialised path of the department subtree it covers. */
export interface ScopedGrant {
  role: Role;
  departmentId: number;
  departmentName: string;
  path: string;
}

/** The person behind a request, as the session guard found them. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  departmentId: number;
  departmentName: string;
  mustChangePassword: boolean;
  grants: ScopedGrant[];
  ip: string | null;
}

/**
 * Department subtrees (as path prefixes) over which the actor holds any of the given roles, or any
 * role at all when none are named. Nested prefixes are folded so queries stay short.
 */
export function scopePaths(actor: Pick<Actor, 'grants'>, roles?: readonly Role[]): string[] {
  const paths = actor.grants.filter((g) => !roles || roles.includes(g.role)).map((g) => g.path);
  return [...new Set(paths)].filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q)));
}

export function coversPath(actor: Pick<Actor, 'grants'>, path: string, roles?: readonly Role[]): boolean {
  return scopePaths(actor, roles).some((p) => path.startsWith(p));
}

export function holdsRole(actor: Pick<Actor, 'grants'>, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}
