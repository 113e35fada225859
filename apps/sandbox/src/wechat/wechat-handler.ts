// Common shape of WeChat endpoint handlers and their JSON-body reading.
import type { Request } from 'express';
import type { WechatAccount } from '../core/accounts';
import { jsonBody } from '../core/http';
import { WechatError } from './wechat-errors';

export type WxHandler = (req: Request, account: WechatAccount) => unknown;

/** The JSON body as an object: 44002 when empty, 47001 when it is not JSON. */
export function body(req: Request): Record<string, unknown> {
  if (req.sbx.raw.length === 0) throw new WechatError(44002);
  const parsed = jsonBody(req);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new WechatError(47001);
  return parsed as Record<string, unknown>;
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function int(v: unknown, dflt: number): number {
  if (v === undefined || v === null || v === '') return dflt;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) throw new WechatError(61451);
  return n;
}
