import { z } from 'zod';

/** Every error the API answers with; the web switches on `code`, people read `message`. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'CSRF_INVALID',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PASSWORD_POLICY',
  'NOT_FOUND',
  'CONFLICT',
  'DEPARTMENT_CYCLE',
  'ROLE_CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  /** 中文 message for the person in front of the screen. */
  message: z.string(),
  messageEn: z.string(),
  /** Field-level problems of a VALIDATION_FAILED answer. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
