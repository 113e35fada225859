// Request parsing and response writing shared by every platform router. All platform responses go
// through `send`, which lets an "after" fault (the request took effect, the response is lost) step in.
import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';
import type { Platform } from './accounts';

export interface UploadedFile {
  field: string;
  filename: string;
  mime: string;
  data: Buffer;
}

export interface Reply {
  status: number;
  body: string | Buffer;
  contentType: string;
  headers?: Record<string, string>;
}

export interface SandboxRequestState {
  /** Query and body fields merged (body wins), as Weibo reads parameters from either. */
  fields: Record<string, string>;
  files: UploadedFile[];
  raw: Buffer;
  platform?: Platform;
  accountId?: string;
  /** The platform path the request is for (portal paths without their /sites/<siteId> prefix). */
  endpoint?: string;
  /** Kind of the fault that answered this request, for the request log. */
  faultApplied?: string;
  /** Set by the fault layer: may swallow or replace the reply. Returns true when it did. */
  beforeSend?: (req: Request, res: Response, reply: Reply) => boolean;
  /** Fault rules that fired for this request and are for the handler to act on (e.g. a publish outcome). */
  handlerFaults: { kind: string; publishStatus?: number; failIdx?: number[] }[];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      sbx: SandboxRequestState;
    }
  }
}

const MAX_BODY = 24 * 1024 * 1024;

function firstString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

// NUL never appears in real posts and is the sentinel of the int64 JSON writer.
const clean = (s: string): string => s.replace(/\u0000/g, '');

function readRaw(req: Request): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseMultipart(
  req: Request,
  raw: Buffer,
): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    const bb = busboy({ headers: req.headers, defParamCharset: 'utf8' });
    bb.on('field', (name, value) => {
      fields[name] = clean(value);
    });
    bb.on('file', (name, stream, info) => {
      const parts: Buffer[] = [];
      stream.on('data', (d: Buffer) => parts.push(d));
      stream.on('end', () =>
        files.push({
          field: name,
          filename: info.filename ?? '',
          mime: info.mimeType,
          data: Buffer.concat(parts),
        }),
      );
    });
    bb.on('close', () => resolve({ fields, files }));
    bb.on('error', reject);
    bb.end(raw);
  });
}

/** Middleware: reads the whole body once and fills `req.sbx`. */
export async function parseBody(req: Request, res: Response, next: NextFunction): Promise<void> {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) {
    const s = firstString(v);
    if (s !== undefined) fields[k] = clean(s);
  }
  let raw: Buffer;
  try {
    raw = await readRaw(req);
  } catch {
    res.status(413).type('text/plain').send('Request Entity Too Large');
    return;
  }
  const state: SandboxRequestState = { fields, files: [], raw, handlerFaults: [] };
  req.sbx = state;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data')) {
      const mp = await parseMultipart(req, raw);
      Object.assign(fields, mp.fields);
      state.files = mp.files;
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) fields[k] = clean(v);
    }
  } catch {
    // A malformed body is left for the platform handler to reject with its own error shape.
  }
  next();
}

/** The body as JSON, or undefined when it is empty or not JSON (WeChat clients often omit Content-Type). */
export function jsonBody(req: Request): unknown {
  const text = req.sbx.raw.toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function send(req: Request, res: Response, reply: Reply): void {
  if (req.sbx?.beforeSend?.(req, res, reply)) return;
  writeReply(res, reply);
}

export function writeReply(res: Response, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  res.status(reply.status);
  res.setHeader('Content-Type', reply.contentType);
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  res.end(reply.body);
}

export function jsonReply(status: number, body: unknown): Reply {
  return { status, body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
}

/** Client IP without the IPv4-mapped prefix. */
export function clientIp(req: Request): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}
