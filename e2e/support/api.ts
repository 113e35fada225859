import { expect, type APIResponse, type Page } from '@playwright/test';

/** The header the SPA sends its session's CSRF token in (csrfHeader in libs/contracts/src/auth.ts). */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Calls the API with the page's own session, as the SPA does: the cookie rides along from the
 * browser context, and changes carry the CSRF token that GET /api/auth/me hands out.
 */
export async function sessionApi(page: Page) {
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const withToken = { [CSRF_HEADER]: csrfToken };
  return {
    get: (path: string): Promise<APIResponse> => page.request.get(path),
    patch: (path: string, data: unknown, { csrf = true } = {}): Promise<APIResponse> =>
      page.request.patch(path, { data, headers: csrf ? withToken : {} }),
  };
}

/** The `{ code, message }` body every API error carries. */
export async function errorOf(response: APIResponse): Promise<{ code: string; message: string }> {
  return (await response.json()) as { code: string; message: string };
}
