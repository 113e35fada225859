// Helpers shared by the control API routes: JSON in and out, readable validation errors.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Account } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { ConflictError, InputError } from '../core/errors';
import { jsonBody } from '../core/http';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function parse<T extends z.ZodType>(schema: T, req: Request): z.output<T> {
  const raw = jsonBody(req) ?? {};
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ControlError(
      400,
      result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return result.data;
}

export type ControlHandler = (req: Request) => unknown;

/** Runs a handler and answers with its JSON (201 when it returns { created: true, … }). */
export const json = (fn: ControlHandler) => async (req: Request, res: Response) => {
  try {
    const out = await fn(req);
    res
      .status(out && typeof out === 'object' && 'created' in out && out.created === true ? 201 : 200)
      .json(out);
  } catch (e) {
    if (e instanceof ControlError) {
      res.status(e.status).json({ error: { message: e.message } });
      return;
    }
    if (e instanceof ConflictError || e instanceof InputError) {
      res.status(e instanceof ConflictError ? 409 : 400).json({ error: { message: e.message } });
      return;
    }
    console.error('[sandbox] control handler failed', e);
    res.status(500).json({ error: { message: e instanceof Error ? e.message : String(e) } });
  }
};

export function mustAccount(ctx: SandboxContext, id: string): Account {
  const a = ctx.accounts.get(id);
  if (!a) throw new ControlError(404, `no account ${id}`);
  return a;
}

/** What the control API shows of an account: everything, secrets included (it is a sandbox). */
export function accountView(ctx: SandboxContext, a: Account) {
  const base = ctx.publicBase;
  const view = {
    id: a.id,
    platform: a.platform,
    name: a.name,
    createdAt: new Date(a.createdAt).toISOString(),
    config: a.config,
  };
  switch (a.platform) {
    case 'weibo': {
      const t = ctx.tokens.current(a.id, 'weibo');
      return {
        ...view,
        baseUrl: base,
        credentials: {
          uid: a.config.uid,
          appKey: a.config.appKey,
          appSecret: a.config.appSecret,
          accessToken: t?.token ?? null,
          expiresAt: t ? new Date(t.expires_at).toISOString() : null,
        },
      };
    }
    case 'wechat':
      return {
        ...view,
        baseUrl: base,
        credentials: { appid: a.config.appid, secret: a.config.secret, ghId: a.config.ghId },
      };
    case 'portal':
      return {
        ...view,
        baseUrl: `${base}/sites/${a.config.siteId}`,
        credentials: { siteId: a.config.siteId, apiKey: a.config.apiKey },
        feeds: {
          rss: `${base}/sites/${a.config.siteId}/rss.xml`,
          atom: `${base}/sites/${a.config.siteId}/atom.xml`,
          columns: a.config.columns.map((c) => ({
            ...c,
            rss: `${base}/sites/${a.config.siteId}/rss/${c.code}.xml`,
          })),
        },
      };
  }
}

export function str(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
