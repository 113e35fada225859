import { csrfHeader, type Session } from '@sunlight/contracts';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Real HTTP against the started server, keeping the session cookie and CSRF token like a browser. */
export class ApiClient {
  private cookie = '';
  csrfToken = '';
  session: Session | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
    contentType = 'application/json',
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken) headers[csrfHeader] = this.csrfToken;
    if (body !== undefined || raw !== undefined) headers['content-type'] = contentType;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }
  /** A body sent as it is, e.g. a text/plain file. */
  postRaw<T = unknown>(path: string, raw: string, contentType: string) {
    return this.request<T>('POST', path, undefined, raw, contentType);
  }

  async login(username: string, password: string): Promise<ApiResponse<Session>> {
    const res = await this.post<Session>('/api/auth/login', { username, password });
    if (res.status === 200) {
      this.session = res.body;
      this.csrfToken = res.body.csrfToken;
    }
    return res;
  }

  /** Drops the CSRF token while keeping the cookie, as a forged cross-site request would. */
  withoutCsrf(): ApiClient {
    const c = new ApiClient(this.baseUrl);
    c.cookie = this.cookie;
    return c;
  }
}
