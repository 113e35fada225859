// /__control/faults: inject, list and clear faults per account and endpoint.
import { Router } from 'express';
import type { SandboxContext } from '../core/context';
import { faultInput } from '../faults/fault-rules';
import { ControlError, json, parse, str } from './control-common';

export function faultsRoutes(ctx: SandboxContext): Router {
  const r = Router();
  r.post(
    '/faults',
    json((req) => {
      const spec = parse(faultInput, req);
      if (spec.account !== '*' && !ctx.accounts.get(spec.account))
        throw new ControlError(404, `no account ${spec.account}`);
      return { created: true, ...ctx.faults.add(spec) };
    }),
  );
  r.get(
    '/faults',
    json(() => ({ faults: ctx.faults.list() })),
  );
  r.delete(
    '/faults/:id',
    json((req) => {
      if (!ctx.faults.remove(Number(req.params.id)))
        throw new ControlError(404, `no fault ${String(req.params.id)}`);
      return { removed: 1 };
    }),
  );
  r.delete(
    '/faults',
    json((req) => ({ removed: ctx.faults.clear(str(req, 'account')) })),
  );
  return r;
}
