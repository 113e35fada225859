// The control API under /__control/ (never a platform path): accounts, history, the simulated public,
// faults, the publication ledger, WeChat pushes, the clock, recent requests and demo mode.
import { Router } from 'express';
import { z } from 'zod';
import type { SandboxContext } from '../core/context';
import { isoCst } from '../core/time';
import type { PublicSimulator } from '../public-simulator/simulator';
import type { PublicTicker } from '../public-simulator/ticker';
import { accountsRoutes } from './accounts-routes';
import { ControlError, json, parse, str } from './control-common';
import { buildManifest, demoInput, seedDemo, writeManifest } from './demo';
import { faultsRoutes } from './faults-routes';
import { publicRoutes } from './public-routes';
import { publishedRoutes } from './published-routes';
import { wechatRoutes } from './wechat-routes';

const clockInput = z
  .object({ advanceSeconds: z.number().optional(), offsetSeconds: z.number().optional() })
  .refine(
    (v) => v.advanceSeconds !== undefined || v.offsetSeconds !== undefined,
    'give advanceSeconds or offsetSeconds',
  );

export function controlRouter(ctx: SandboxContext, sim: PublicSimulator, ticker: PublicTicker): Router {
  const r = Router();

  const clockView = () => ({
    now: new Date(ctx.clock.now()).toISOString(),
    beijing: isoCst(ctx.clock.now()),
    offsetSeconds: ctx.clock.offset / 1000,
  });

  r.get(
    '/health',
    json(() => ({
      ok: true,
      seed: ctx.seed,
      accounts: ctx.accounts.list().length,
      publicCalls: sim.calls,
      ...clockView(),
    })),
  );

  r.get('/clock', json(clockView));
  r.post(
    '/clock',
    json((req) => {
      const input = parse(clockInput, req);
      if (input.offsetSeconds !== undefined) ctx.setClockOffset(input.offsetSeconds * 1000);
      if (input.advanceSeconds !== undefined) {
        if (input.advanceSeconds < 0)
          throw new ControlError(400, 'the clock only moves forward (advanceSeconds ≥ 0)');
        ctx.setClockOffset(ctx.clock.offset + input.advanceSeconds * 1000);
      }
      return clockView();
    }),
  );

  r.use(accountsRoutes(ctx, sim));
  r.use(publicRoutes(ctx, sim, ticker));
  r.use(faultsRoutes(ctx));
  r.use(publishedRoutes(ctx));
  r.use(wechatRoutes(ctx));

  r.get(
    '/requests',
    json((req) => ({
      requests: ctx.requestLog.list({
        accountId: str(req, 'account'),
        path: str(req, 'path'),
        limit: Number(str(req, 'limit') ?? 100),
      }),
    })),
  );

  r.get(
    '/demo',
    json(() => {
      const m = buildManifest(ctx);
      if (!m) throw new ControlError(404, 'demo mode has not been set up in this data dir');
      return m;
    }),
  );
  r.post(
    '/demo',
    json((req) => {
      const manifest = seedDemo(ctx, sim, parse(demoInput, req));
      writeManifest(ctx, manifest);
      return manifest;
    }),
  );

  r.use((_req, res) => {
    res.status(404).json({ error: { message: 'no such control endpoint' } });
  });
  return r;
}
