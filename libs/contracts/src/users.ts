import { z } from 'zod';
import { pageQuerySchema } from './common';
import { roleGrantSchema } from './roles';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符');

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  roles: z.array(roleGrantSchema),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const rolesField = z.array(roleGrantSchema).max(20);

export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1, '姓名不能为空').max(32),
  departmentId: z.number().int().positive(),
  roles: rolesField,
  /** Temporary password; generated when left out. The user must change it at first login. */
  temporaryPassword: z.string().min(1).max(256).optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const createUserResponseSchema = z.object({
  user: userSchema,
  /** Shown once to the admin, never stored in clear. */
  temporaryPassword: z.string(),
});
export type CreateUserResponse = z.infer<typeof createUserResponseSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(32).optional(),
    departmentId: z.number().int().positive().optional(),
    roles: rolesField.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordResponseSchema = z.object({ temporaryPassword: z.string() });
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponseSchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  /** Only users of this department's subtree; must lie within the caller's scope. */
  department: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(64).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
