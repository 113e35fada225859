import { type Role } from '@sunlight/contracts';
import { type ApiClient } from '../support/api-client';
import { type TestApp } from '../support/test-app';
import { onboard } from '../support/users';

/** A signed-in user holding one role over the root department. */
export async function userWith(
  t: TestApp,
  admin: ApiClient,
  username: string,
  role: Role,
): Promise<ApiClient> {
  const root = admin.session!.user.departmentId;
  const body = { username, displayName: username, departmentId: root, roles: [{ role, departmentId: root }] };
  return (await onboard(t, admin, body)).client;
}
