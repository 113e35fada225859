// The last requests the platforms received, for debugging adapters from the control API
// (GET /__control/requests). Secrets in the query are masked.
import type { Request, Response, NextFunction } from 'express';
import type { Clock } from './clock';

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  platform: string | null;
  accountId: string | null;
  status: number | null;
  ms: number;
  fault: string | null;
}

const SECRET_KEYS = /token|secret|key|password/i;

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly capacity = 1000,
  ) {}

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const started = Date.now();
      const at = this.clock.now();
      res.once('close', () => {
        const query: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.query)) {
          query[k] = SECRET_KEYS.test(k) ? '***' : typeof v === 'string' ? v : JSON.stringify(v);
        }
        const state = req.sbx as typeof req.sbx | undefined;
        this.push({
          at,
          method: req.method,
          path: req.path,
          query,
          platform: state?.platform ?? null,
          accountId: state?.accountId ?? null,
          status: res.headersSent ? res.statusCode : null,
          ms: Date.now() - started,
          fault: state?.faultApplied ?? null,
        });
      });
      next();
    };
  }

  private push(e: LoggedRequest): void {
    this.entries.push(e);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  list(filter: { accountId?: string; path?: string; limit?: number }): LoggedRequest[] {
    const out = this.entries.filter(
      (e) =>
        (!filter.accountId || e.accountId === filter.accountId) &&
        (!filter.path || e.path.includes(filter.path)),
    );
    return out.slice(-(filter.limit ?? 100));
  }
}
