import { type CreateUserResponse, type Role, type Session, type User } from '@sunlight/contracts';
import { expect } from 'vitest';
import { type ApiClient } from './api-client';
import { type TestApp } from './test-app';

export const ONBOARDED_PASSWORD = 'Fresh-Pass-2026';

/** Creates a user with a temporary password and returns a client that has replaced it. */
export async function onboard(
  t: TestApp,
  admin: ApiClient,
  body: object,
): Promise<{ client: ApiClient; user: User }> {
  const created = await admin.post<CreateUserResponse>('/api/users', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const c = t.client();
  const login = await c.login(created.body.user.username, created.body.temporaryPassword);
  expect(login.body.mustChangePassword).toBe(true);
  const changed = await c.post<Session>('/api/auth/password', {
    currentPassword: created.body.temporaryPassword,
    newPassword: ONBOARDED_PASSWORD,
  });
  expect(changed.status).toBe(200);
  return { client: c, user: created.body.user };
}

/** A new user whose home and single role are the same department, as onboard() takes it. */
export function scopedUser(username: string, role: Role, department: { id: number }) {
  return {
    username,
    displayName: username,
    departmentId: department.id,
    roles: [{ role, departmentId: department.id }],
  };
}
