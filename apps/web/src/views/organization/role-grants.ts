import { conflictingRoles, type Role, type RoleGrant } from '@sunlight/contracts';

/** A grant while it is being edited: either half may still be empty. */
export interface GrantDraft {
  role: Role | undefined;
  departmentId: number | undefined;
}

export type GrantProblem = 'incompleteRole' | 'incompleteScope' | 'conflict' | 'duplicate';

/** What keeps these drafts from being sent; the server checks the same again (ROLE_CONFLICT). */
export function grantProblem(drafts: readonly GrantDraft[]): GrantProblem | null {
  if (drafts.some((d) => d.role === undefined)) return 'incompleteRole';
  if (drafts.some((d) => d.departmentId === undefined)) return 'incompleteScope';
  if (conflictingRoles(drafts.map((d) => d.role!))) return 'conflict';
  const keys = drafts.map((d) => `${d.role}:${d.departmentId}`);
  if (new Set(keys).size !== keys.length) return 'duplicate';
  return null;
}

export function toGrants(drafts: readonly GrantDraft[]): RoleGrant[] {
  return drafts.flatMap((d) =>
    d.role !== undefined && d.departmentId !== undefined
      ? [{ role: d.role, departmentId: d.departmentId }]
      : [],
  );
}
