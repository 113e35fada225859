import { type User } from '@sunlight/contracts';
import { type Actor, type ScopedGrant } from '../../common/actor';
import { type UserEntity } from '../../database/entities';

export function toUser(u: UserEntity): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    departmentName: u.department?.name ?? '',
    roles: (u.roles ?? []).map((r) => ({ role: r.role, departmentId: r.departmentId })),
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Grants with the subtree they cover, from a user loaded with roles and their departments. */
export function scopedGrants(u: UserEntity): ScopedGrant[] {
  return (u.roles ?? [])
    .filter((r) => r.department && !r.department.disabled)
    .map((r) => ({
      role: r.role,
      departmentId: r.departmentId,
      departmentName: r.department!.name,
      path: r.department!.path,
    }));
}

/** The person acting, from a user loaded with roles and their departments. */
export function actorOf(u: UserEntity, ip: string | null): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    departmentName: u.department?.name ?? '',
    mustChangePassword: u.mustChangePassword,
    grants: scopedGrants(u),
    ip,
  };
}
