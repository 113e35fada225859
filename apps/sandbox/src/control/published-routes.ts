// /__control/published: everything the platforms accepted per account, for the exactly-once check.
// `duplicates` groups entries of one account whose normalised content (no markup, no links) is the
// same; `rejections` lists attempts the platforms refused as repeated content.
import { Router } from 'express';
import { PLATFORMS, type Platform } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import type { LedgerFilter, LedgerOrigin } from '../core/ledger';
import { ControlError, json, str } from './control-common';

export function publishedRoutes(ctx: SandboxContext): Router {
  const r = Router();
  r.get(
    '/published',
    json((req) => {
      const platform = str(req, 'platform');
      if (platform && !(PLATFORMS as readonly string[]).includes(platform))
        throw new ControlError(400, 'bad platform');
      const origin = str(req, 'origin') ?? 'api';
      if (!['api', 'history', 'all'].includes(origin))
        throw new ControlError(400, 'origin must be api, history or all');
      const filter: LedgerFilter = {
        accountId: str(req, 'account'),
        platform: platform as Platform | undefined,
        origin: origin as LedgerOrigin | 'all',
        sinceSeq: Number(str(req, 'since') ?? 0) || undefined,
        kinds: str(req, 'kind')?.split(','),
        limit: Math.min(100_000, Number(str(req, 'limit') ?? 10_000) || 10_000),
      };
      const items = ctx.ledger.list(filter);
      return {
        total: items.length,
        counts: ctx.ledger.counts(filter),
        duplicates: ctx.ledger.duplicates(filter),
        rejections: ctx.ledger.rejections(filter.accountId),
        items: items.map((e) => ({ ...e, createdAt: new Date(e.createdAt).toISOString() })),
      };
    }),
  );
  return r;
}
