// One HTTP exchange over node:http(s), reporting how far the request got when it fails. `fetch` hides
// whether the body had left before a reset or a timeout; that difference decides whether a failed write
// may have taken effect, so this thin layer keeps it.
import http from 'node:http';
import https from 'node:https';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A failure below HTTP: no (complete) response arrived. */
export class NetworkFailure extends Error {
  constructor(
    message: string,
    /** The whole request (headers and body) had been handed to the OS before the failure. */
    readonly requestSent: boolean,
    readonly timedOut: boolean,
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NetworkFailure';
  }
}

/** The answer was bigger than the caller allows: reading on would only waste memory. */
export class ResponseTooLarge extends Error {}

export interface Exchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
  signal: AbortSignal;
  maxBytes: number;
}

export function exchange(x: Exchange): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    let requestSent = false;
    const lib = x.url.protocol === 'https:' ? https : http;
    const fail = (err: unknown) => {
      const timedOut = x.signal.aborted;
      const code = errorCode(err);
      const why = timedOut ? 'timed out' : (code ?? (err instanceof Error ? err.message : String(err)));
      reject(new NetworkFailure(why, requestSent, timedOut, code, { cause: err }));
    };
    const req = lib.request(
      x.url,
      {
        method: x.method,
        headers: {
          'accept-encoding': 'gzip, deflate, br',
          ...(x.body ? { 'content-length': String(x.body.length) } : {}),
          ...x.headers,
        },
        // One connection per exchange: a pooled socket the server has already closed would turn a
        // harmless retry into an "outcome unknown" write.
        agent: false,
        signal: x.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > x.maxBytes) {
            req.destroy(new ResponseTooLarge(`response larger than ${x.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          if (!res.complete) return fail(new Error('connection closed before the response ended'));
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on('finish', () => {
      requestSent = true;
    });
    req.on('error', (err) => (err instanceof ResponseTooLarge ? reject(err) : fail(err)));
    req.end(x.body);
  });
}

function errorCode(err: unknown): string | null {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string')
    return err.code;
  return null;
}
