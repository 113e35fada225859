// /__control/public: make the simulated public act now (deterministic under the seed), set its
// background rate, and look at the corpus it speaks from.
import { Router } from 'express';
import { z } from 'zod';
import type { SandboxContext } from '../core/context';
import { corpusStats } from '../public-simulator/corpus';
import { EVENTS } from '../public-simulator/corpus/events';
import { INTERACTION_KINDS, type PublicSimulator } from '../public-simulator/simulator';
import type { PublicTicker } from '../public-simulator/ticker';
import { ControlError, json, parse } from './control-common';

const advanceInput = z.object({
  count: z.number().int().min(1).max(100_000),
  accounts: z.array(z.string()).optional(),
  kinds: z.partialRecord(z.enum(INTERACTION_KINDS), z.number().nonnegative()).optional(),
  event: z.string().optional(),
  eventShare: z.number().min(0).max(1).optional(),
});

const rateInput = z.object({
  perMinute: z.number().min(0).max(100_000),
  burstChance: z.number().min(0).max(1).optional(),
});

export function publicRoutes(ctx: SandboxContext, sim: PublicSimulator, ticker: PublicTicker): Router {
  const r = Router();

  r.post(
    '/public/advance',
    json((req) => {
      const input = parse(advanceInput, req);
      if (input.event && !EVENTS.some((e) => e.code === input.event)) {
        throw new ControlError(
          400,
          `unknown event ${input.event}; known: ${EVENTS.map((e) => e.code).join(', ')}`,
        );
      }
      for (const id of input.accounts ?? [])
        if (!ctx.accounts.get(id)) throw new ControlError(404, `no account ${id}`);
      const call = sim.calls + 1;
      const items = sim.advance(input);
      const byKind: Record<string, number> = {};
      for (const i of items) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
      return { call, generated: items.length, byKind, items: items.slice(0, 500) };
    }),
  );

  r.get(
    '/public/rate',
    json(() => ticker.status()),
  );
  r.put(
    '/public/rate',
    json((req) => {
      const input = parse(rateInput, req);
      ticker.configure(input.perMinute, input.burstChance);
      return ticker.status();
    }),
  );

  r.get(
    '/public/corpus',
    json(() => corpusStats()),
  );
  return r;
}
