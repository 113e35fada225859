import { apiErrorSchema, csrfHeader, type ApiError, type ErrorCode } from '@sunlight/contracts';
import { z, type ZodType } from 'zod';
import { t } from '@/locales';

/** Codes the server can answer plus the one the browser produces when the server cannot be reached. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    /** 0 when no answer came back. */
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly messageEn: string,
    readonly issues: ApiError['issues'] = undefined,
  ) {
    super(message);
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * Error codes the caller shows itself (inline, next to the field); for these the client neither
   * toasts nor navigates. `'all'` silences everything.
   */
  handles?: readonly ClientErrorCode[] | 'all';
  signal?: AbortSignal;
}

/** What the client needs from the rest of the app; installed once at start (see http-hooks.ts). */
export interface HttpHooks {
  csrfToken(): string | null | undefined;
  notifyError(error: HttpError): void;
  /** 401 with UNAUTHENTICATED or SESSION_EXPIRED: the session is gone. */
  onSessionLost(error: HttpError): void;
  /** 403 PASSWORD_CHANGE_REQUIRED: nothing works until the temporary password is replaced. */
  onPasswordChangeRequired(error: HttpError): void;
}

const noHooks: HttpHooks = {
  csrfToken: () => undefined,
  notifyError: () => undefined,
  onSessionLost: () => undefined,
  onPasswordChangeRequired: () => undefined,
};

export interface HttpClientConfig {
  baseUrl: string;
  fetch?: typeof fetch;
  hooks?: HttpHooks;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export function createHttpClient(config: HttpClientConfig) {
  let hooks = config.hooks ?? noHooks;
  // Read fetch late so a test (or a polyfill) installed after import is honoured.
  const doFetch = (input: string, init: RequestInit) => (config.fetch ?? globalThis.fetch)(input, init);

  async function request<T>(method: Method, path: string, schema: ZodType<T>, options: RequestOptions = {}) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    // A cookie rides along with any site's request; only our own page knows the token the session handed out.
    const token = method === 'GET' ? undefined : hooks.csrfToken();
    if (token) headers[csrfHeader] = token;
    const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
    if (options.body instanceof FormData) {
      // The browser writes the multipart boundary into Content-Type itself.
      init.body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }

    let response: Response;
    try {
      response = await doFetch(buildUrl(config.baseUrl, path, options.query), init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw report(new HttpError(0, 'NETWORK', t('common.errors.network'), 'Network error'), options);
    }

    if (!response.ok) throw report(await readError(response), options);
    const data = response.status === 204 ? undefined : await readJson(response);
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw report(
        new HttpError(
          response.status,
          'INTERNAL',
          t('common.errors.contract'),
          'Response does not match the contract',
        ),
        options,
      );
    }
    return parsed.data;
  }

  function report(error: HttpError, options: RequestOptions): HttpError {
    const handled = options.handles === 'all' || (options.handles?.includes(error.code) ?? false);
    if (handled) return error;
    if (error.status === 401 && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED')) {
      hooks.onSessionLost(error);
    } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
      hooks.onPasswordChangeRequired(error);
    } else {
      hooks.notifyError(error);
    }
    return error;
  }

  return {
    get: <T>(path: string, schema: ZodType<T>, options?: Omit<RequestOptions, 'body'>) =>
      request('GET', path, schema, options),
    post: <T>(path: string, body: unknown, schema: ZodType<T>, options?: RequestOptions) =>
      request('POST', path, schema, { ...options, body }),
    patch: <T>(path: string, body: unknown, schema: ZodType<T>, options?: RequestOptions) =>
      request('PATCH', path, schema, { ...options, body }),
    delete: <T>(path: string, schema: ZodType<T>, options?: RequestOptions) =>
      request('DELETE', path, schema, options),
    setHooks(next: HttpHooks) {
      hooks = next;
    },
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readError(response: Response): Promise<HttpError> {
  const parsed = apiErrorSchema.safeParse(await readJson(response).catch(() => undefined));
  if (parsed.success) {
    const { code, message, messageEn, issues } = parsed.data;
    return new HttpError(response.status, code, message, messageEn, issues);
  }
  // A proxy or a crashed server answers without our error shape; keep the status so it can still be acted on.
  const code: ClientErrorCode = response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL';
  return new HttpError(
    response.status,
    code,
    t('common.errors.unreadable', { status: response.status }),
    `Unreadable response (HTTP ${response.status})`,
  );
}

/** For calls answered with 204 No Content. */
export const noContent = z.undefined();

/** The one client of the app. Paths are relative to /api. */
export const http = createHttpClient({ baseUrl: '/api' });
