import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from './common';

export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.password_changed',
  'access.denied',
  'user.create',
  'user.update',
  'user.roles_changed',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'department.create',
  'department.rename',
  'department.move',
  'department.disable',
  'department.enable',
  'account.create',
  'account.update',
  'account.disable',
  'account.enable',
  'account.credentials_set',
  'account.test',
  'account.authorized',
  'account.import',
  'account.collect_now',
  'column.create',
  'column.update',
  'column.disable',
  'column.enable',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditActionLabels: Record<AuditAction, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'access.denied': '越权访问',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.roles_changed': '变更角色',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password_reset': '重置密码',
  'department.create': '新建部门',
  'department.rename': '部门改名',
  'department.move': '调整上级部门',
  'department.disable': '停用部门',
  'department.enable': '启用部门',
  'account.create': '添加账号',
  'account.update': '修改账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.credentials_set': '设置账号凭据',
  'account.test': '测试账号连接',
  'account.authorized': '账号授权',
  'account.import': '导入账号历史',
  'account.collect_now': '立即采集',
  'column.create': '新建栏目',
  'column.update': '修改栏目',
  'column.disable': '停用栏目',
  'column.enable': '启用栏目',
};

export const auditResults = ['success', 'denied', 'failed'] as const;
export const auditResultSchema = z.enum(auditResults);
export type AuditResult = z.infer<typeof auditResultSchema>;
export const auditResultLabels: Record<AuditResult, string> = {
  success: '成功',
  denied: '拒绝',
  failed: '失败',
};

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  ip: z.string().nullable(),
  action: auditActionSchema,
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  result: auditResultSchema,
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  username: z.string().trim().max(64).optional(),
  action: auditActionSchema.optional(),
  result: auditResultSchema.optional(),
  /** Inclusive calendar days in Asia/Shanghai. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
