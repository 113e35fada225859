// The one HTTP client of the channel providers: a deadline on every call, redirects for reads, gzip, a
// size cap, and network failures turned into the typed channel errors. No provider call can hang a worker.
import { Inject, Injectable, Optional } from '@nestjs/common';
import zlib from 'node:zlib';
import {
  MalformedResponseError,
  OutcomeUnknownError,
  PermanentError,
  RetryableError,
} from '../channel-errors';
import { encodeBody, type RequestBody } from './body';
import { exchange, NetworkFailure, ResponseTooLarge, type RawResponse } from './transport';

export interface ChannelHttpOptions {
  /** Deadline of one call, redirects and body included (default 15 s). */
  timeoutMs?: number;
  /** Largest answer read (default 20 MB): feeds can be big, nothing legitimate is bigger. */
  maxBytes?: number;
}

export const CHANNEL_HTTP_OPTIONS = Symbol('CHANNEL_HTTP_OPTIONS');

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  query?: Readonly<Record<string, string | undefined>>;
  headers?: Readonly<Record<string, string>>;
  body?: RequestBody;
  /** The call changes something on the platform, so a lost answer leaves the outcome unknown.
   *  Defaults to every method but GET (WeChat reads are POSTs: they say `write: false`). */
  write?: boolean;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** The URL that answered (after redirects), without its query string. */
  url: string;
  header(name: string): string | undefined;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

@Injectable()
export class ChannelHttp {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(@Optional() @Inject(CHANNEL_HTTP_OPTIONS) options?: ChannelHttpOptions) {
    this.timeoutMs = options?.timeoutMs ?? 15_000;
    this.maxBytes = options?.maxBytes ?? 20 * 1024 * 1024;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const write = req.write ?? req.method !== 'GET';
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    let url = buildUrl(req.url, req.query);
    const encoded = req.body ? await encodeBody(req.body) : undefined;
    const headers: Record<string, string> = {
      'user-agent': 'Sunlight/1.0',
      ...(encoded ? { 'content-type': encoded.contentType } : {}),
      ...req.headers,
    };
    // One deadline for the whole call, redirects included.
    const signal = AbortSignal.timeout(timeoutMs);
    for (let hop = 0; ; hop++) {
      const raw = await this.exchange(req.method, url, headers, encoded?.data, signal, write, timeoutMs);
      const location = raw.headers.location;
      if (!write && REDIRECTS.has(raw.status) && location && hop < MAX_REDIRECTS) {
        url = new URL(location, url);
        continue;
      }
      return response(raw, url);
    }
  }

  private async exchange(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: Buffer | undefined,
    signal: AbortSignal,
    write: boolean,
    timeoutMs: number,
  ): Promise<RawResponse> {
    const where = `${method} ${describe(url)}`;
    try {
      return await exchange({ method, url, headers, body, signal, maxBytes: this.maxBytes });
    } catch (e) {
      if (e instanceof ResponseTooLarge)
        throw new MalformedResponseError(
          { code: null, message: `响应过大 / ${e.message}: ${where}` },
          { cause: e },
        );
      if (!(e instanceof NetworkFailure)) throw e;
      const what = e.timedOut
        ? `请求超时 / timed out after ${timeoutMs} ms`
        : `网络错误 / network error ${e.message}`;
      // Only a request that reached the platform whole can have taken effect.
      if (write && e.requestSent)
        throw new OutcomeUnknownError(
          { code: e.code, message: `${what} after the request was sent, outcome unknown: ${where}` },
          { cause: e },
        );
      throw new RetryableError({ code: e.code, message: `${what}: ${where}` }, { cause: e });
    }
  }
}

function buildUrl(base: string, query: HttpRequest['query']): URL {
  let url: URL;
  try {
    url = new URL(base);
  } catch (e) {
    throw new PermanentError({ code: null, message: `地址无效 / invalid URL: ${base}` }, { cause: e });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PermanentError({ code: null, message: `只支持 http(s) / only http(s) URLs: ${base}` });
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  return url;
}

/** A URL fit for an error message: query strings carry access tokens. */
export function describe(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function response(raw: RawResponse, url: URL): HttpResponse {
  let body: Buffer;
  try {
    body = decompress(raw.body, raw.headers['content-encoding']);
  } catch (e) {
    throw new MalformedResponseError(
      { code: null, message: `无法解压响应 / cannot decompress the response: ${describe(url)}` },
      { cause: e },
    );
  }
  return {
    status: raw.status,
    url: describe(url),
    body,
    header: (name) => {
      const v = raw.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(', ') : v;
    },
  };
}

function decompress(body: Buffer, encoding: string | undefined): Buffer {
  if (body.length === 0) return body;
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}
