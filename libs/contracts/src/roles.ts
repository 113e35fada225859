import { z } from 'zod';

export const roles = ['editor', 'reviewer', 'approver', 'leader', 'reporter', 'admin', 'auditor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  editor: '信息员',
  reviewer: '初审',
  approver: '终审',
  leader: '领导',
  reporter: '报表员',
  admin: '系统管理员',
  auditor: '安全审计员',
};

/** 三员分立: these pairs can never be held by one account. */
export const exclusiveRolePairs: ReadonlyArray<readonly [Role, Role]> = [['admin', 'auditor']];

export function conflictingRoles(held: readonly Role[]): [Role, Role] | undefined {
  const set = new Set(held);
  const pair = exclusiveRolePairs.find(([a, b]) => set.has(a) && set.has(b));
  return pair ? [pair[0], pair[1]] : undefined;
}

/** A role held over a department subtree (分级负责). */
export const roleGrantSchema = z.strictObject({
  role: roleSchema,
  departmentId: z.number().int().positive(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;
