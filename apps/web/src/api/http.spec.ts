import { csrfHeader, sessionSchema } from '@sunlight/contracts';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createHttpClient, HttpError, noContent, type HttpHooks } from './http';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was asked and answers with the given responses in turn. */
function fakeFetch(...responses: Array<Response | Error>) {
  const calls: Call[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('no response left');
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const apiError = (status: number, code: string, message: string) =>
  json(status, { code, message, messageEn: `en: ${message}` });

function hooks(csrf?: string) {
  return {
    csrfToken: vi.fn(() => csrf),
    notifyError: vi.fn(),
    onSessionLost: vi.fn(),
    onPasswordChangeRequired: vi.fn(),
  } satisfies HttpHooks;
}

function client(fetch: typeof globalThis.fetch, h = hooks('token-1')) {
  return { http: createHttpClient({ baseUrl: '/api', fetch, hooks: h }), hooks: h };
}

const headerOf = (call: Call | undefined, name: string) =>
  (call?.init.headers as Record<string, string>)[name];
const ok = z.object({ ok: z.boolean() });

describe('http client', () => {
  it('sends the CSRF token on a POST, with the body as JSON and the cookie', async () => {
    const { fetch, calls } = fakeFetch(json(200, { ok: true }));
    const { http } = client(fetch);

    await expect(http.post('/departments', { name: '宣传处', parentId: 1 }, ok)).resolves.toEqual({
      ok: true,
    });

    expect(calls[0]?.url).toBe('/api/departments');
    expect(calls[0]?.init.method).toBe('POST');
    expect(headerOf(calls[0], csrfHeader)).toBe('token-1');
    expect(headerOf(calls[0], 'Content-Type')).toBe('application/json');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.body).toBe('{"name":"宣传处","parentId":1}');
  });

  it('does not send the CSRF token on a GET, and leaves empty query values out', async () => {
    const { fetch, calls } = fakeFetch(json(200, { ok: true }));
    const { http } = client(fetch);

    await http.get('/users', ok, { query: { q: '', department: 3, page: 2, username: undefined } });

    expect(calls[0]?.url).toBe('/api/users?department=3&page=2');
    expect(headerOf(calls[0], csrfHeader)).toBeUndefined();
  });

  it('maps an API error to a typed HttpError and shows it', async () => {
    const { fetch } = fakeFetch(apiError(409, 'DEPARTMENT_CYCLE', '不能移到自己的下级部门之下'));
    const { http, hooks: h } = client(fetch);

    const error = await http.patch('/departments/2', { parentId: 4 }, ok).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 409,
      code: 'DEPARTMENT_CYCLE',
      message: '不能移到自己的下级部门之下',
    });
    expect(h.notifyError).toHaveBeenCalledWith(error);
  });

  it('stays quiet about the codes the caller handles itself', async () => {
    const { fetch } = fakeFetch(apiError(423, 'ACCOUNT_LOCKED', '账号已锁定，请 15 分钟后再试'));
    const { http, hooks: h } = client(fetch);

    await expect(
      http.post('/auth/login', { username: 'a', password: 'b' }, sessionSchema, {
        handles: ['ACCOUNT_LOCKED'],
      }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', status: 423 });
    expect(h.notifyError).not.toHaveBeenCalled();
  });

  it('reports a lost session instead of toasting it', async () => {
    const { fetch } = fakeFetch(apiError(401, 'SESSION_EXPIRED', '会话已过期'));
    const { http, hooks: h } = client(fetch);

    await expect(http.get('/users', ok)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(h.onSessionLost).toHaveBeenCalledOnce();
    expect(h.onSessionLost.mock.calls[0]?.[0]).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(h.notifyError).not.toHaveBeenCalled();
  });

  it('does not treat wrong credentials (also a 401) as a lost session', async () => {
    const { fetch } = fakeFetch(apiError(401, 'INVALID_CREDENTIALS', '当前密码不正确'));
    const { http, hooks: h } = client(fetch);

    await expect(http.post('/auth/password', {}, ok)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(h.onSessionLost).not.toHaveBeenCalled();
    expect(h.notifyError).toHaveBeenCalledOnce();
  });

  it('sends the person to change the password on PASSWORD_CHANGE_REQUIRED', async () => {
    const { fetch } = fakeFetch(apiError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改密码'));
    const { http, hooks: h } = client(fetch);

    await expect(http.get('/departments', ok)).rejects.toBeInstanceOf(HttpError);
    expect(h.onPasswordChangeRequired).toHaveBeenCalledOnce();
    expect(h.notifyError).not.toHaveBeenCalled();
  });

  it('turns a failed connection into a NETWORK error with a Chinese message', async () => {
    const { fetch } = fakeFetch(new TypeError('Failed to fetch'));
    const { http, hooks: h } = client(fetch);

    const error = await http.get('/users', ok).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
    expect((error as HttpError).message).toMatch(/无法连接服务器/);
    expect(h.notifyError).toHaveBeenCalledOnce();
  });

  it('keeps the status of an answer that is not an API error', async () => {
    const { fetch } = fakeFetch(new Response('<html>Bad Gateway</html>', { status: 502 }));
    const { http } = client(fetch);

    await expect(http.get('/users', ok)).rejects.toMatchObject({ status: 502, code: 'INTERNAL' });
  });

  it('rejects a response that does not match the contract', async () => {
    const { fetch } = fakeFetch(json(200, { ok: 'yes' }));
    const { http, hooks: h } = client(fetch);

    await expect(http.get('/x', ok)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(h.notifyError).toHaveBeenCalledOnce();
  });

  it('accepts 204 No Content', async () => {
    const { fetch, calls } = fakeFetch(new Response(null, { status: 204 }));
    const { http } = client(fetch);

    await expect(http.post('/auth/logout', undefined, noContent)).resolves.toBeUndefined();
    expect(calls[0]?.init.body).toBeUndefined();
  });
});
