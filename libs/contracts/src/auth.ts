import { z } from 'zod';
import { roleSchema } from './roles';

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const sessionRoleSchema = z.object({
  role: roleSchema,
  departmentId: z.number().int(),
  departmentName: z.string(),
});

/** Who am I: answer of login and of GET /api/auth/me. */
export const sessionSchema = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    departmentId: z.number().int(),
    departmentName: z.string(),
  }),
  roles: z.array(sessionRoleSchema),
  mustChangePassword: z.boolean(),
  /** Send back as the X-CSRF-Token header on every request that changes something. */
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number().int(),
  expiresAt: z.string(),
  /** The installation runs on demonstration data (演示数据). */
  demo: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const csrfHeader = 'x-csrf-token';
