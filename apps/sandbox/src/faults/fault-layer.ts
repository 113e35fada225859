// Applies fault rules to platform requests. Mounted by each platform router after it has worked out
// which account a request is for, so rules can target one account and one endpoint.
import type { NextFunction, Request, Response } from 'express';
import type { Platform } from '../core/accounts';
import { writeReply, type Reply } from '../core/http';
import type { Timers } from '../core/timers';
import type { FaultRule, FaultStore } from './fault-rules';

/** How a platform words the faults that have a platform-specific shape. */
export interface FaultRenderer {
  platformError(req: Request, rule: FaultRule): Reply;
  rateLimit(req: Request, rule: FaultRule): Reply;
  tokenExpired(req: Request, rule: FaultRule): Reply;
}

const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The page an nginx front end shows when the application behind it fails. */
export function gatewayPage(status: number): Reply {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return {
    status,
    contentType: 'text/html',
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

const TERMINAL = new Set(['status', 'platformError', 'rateLimit', 'tokenExpired', 'timeout', 'drop']);
const AFTER_CAPABLE = new Set(['status', 'platformError', 'timeout', 'drop']);

export function faultLayer(
  store: FaultStore,
  timers: Timers,
  platform: Platform,
  renderer: FaultRenderer,
  resolve: (req: Request) => { accountId?: string; endpoint: string },
) {
  const act = (req: Request, res: Response, rule: FaultRule): void => {
    req.sbx.faultApplied = rule.kind;
    switch (rule.kind) {
      case 'status':
        writeReply(res, gatewayPage(rule.status ?? 502));
        return;
      case 'platformError':
        writeReply(res, renderer.platformError(req, rule));
        return;
      case 'rateLimit':
        writeReply(res, renderer.rateLimit(req, rule));
        return;
      case 'tokenExpired':
        writeReply(res, renderer.tokenExpired(req, rule));
        return;
      case 'timeout':
        timers.hold(req.socket, rule.delayMs ?? 120_000);
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'slow':
      case 'publishOutcome':
        return;
    }
  };

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const target = resolve(req);
    req.sbx.platform = platform;
    req.sbx.accountId = target.accountId;
    req.sbx.endpoint = target.endpoint;
    const fired = store.evaluate({
      accountId: target.accountId,
      platform,
      endpoint: target.endpoint,
      method: req.method,
    });
    if (fired.length === 0) {
      next();
      return;
    }
    const delay = fired.filter((r) => r.kind === 'slow').reduce((s, r) => s + (r.delayMs ?? 2000), 0);
    if (delay > 0) {
      req.sbx.faultApplied = 'slow';
      await timers.sleep(delay);
      if (req.socket.destroyed) return;
    }
    for (const r of fired) {
      if (r.kind === 'publishOutcome') {
        req.sbx.handlerFaults.push({ kind: r.kind, publishStatus: r.publishStatus, failIdx: r.failIdx });
      }
    }
    const before = fired.find((r) => r.phase === 'before' && TERMINAL.has(r.kind));
    if (before) {
      act(req, res, before);
      return;
    }
    const after = fired.find((r) => r.phase === 'after' && AFTER_CAPABLE.has(r.kind));
    if (after) {
      req.sbx.beforeSend = (rq, rs) => {
        act(rq, rs, after);
        return true;
      };
    }
    next();
  };
}
