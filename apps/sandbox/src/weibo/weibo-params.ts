// Parameter reading with Weibo's errors: 10016 for a missing one, 10017 for a bad value.
import type { Request } from 'express';
import type { Cursor } from './weibo-repo';
import { WeiboError } from './weibo-errors';

export function required(req: Request, name: string): string {
  const v = req.sbx.fields[name];
  if (v === undefined || v === '') throw new WeiboError(10016, [name]);
  return v;
}

export function optional(req: Request, name: string): string | undefined {
  const v = req.sbx.fields[name];
  return v === undefined || v === '' ? undefined : v;
}

export function idParam(req: Request, name: string, isRequired: true): string;
export function idParam(req: Request, name: string, isRequired?: false): string | undefined;
export function idParam(req: Request, name: string, isRequired = false): string | undefined {
  const v = isRequired ? required(req, name) : optional(req, name);
  if (v === undefined) return undefined;
  if (!/^\d{1,19}$/.test(v)) throw new WeiboError(10017, [name, 'int64', v]);
  return v;
}

export function intParam(req: Request, name: string, dflt: number, min: number, max: number): number {
  const v = optional(req, name);
  if (v === undefined) return dflt;
  if (!/^-?\d+$/.test(v)) throw new WeiboError(10017, [name, 'int', v]);
  return Math.min(max, Math.max(min, Number(v)));
}

export function cursorParams(req: Request, defaultCount: number, maxCount: number): Cursor {
  const since = idParam(req, 'since_id');
  const max = idParam(req, 'max_id');
  return {
    // 0 means "no bound" for both cursors, as clients send since_id=0 on the first poll.
    sinceId: since && since !== '0' ? BigInt(since) : undefined,
    maxId: max && max !== '0' ? BigInt(max) : undefined,
    count: intParam(req, 'count', defaultCount, 1, maxCount),
    page: intParam(req, 'page', 1, 1, 10_000),
  };
}
