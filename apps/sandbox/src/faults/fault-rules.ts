// Fault rules: what to break, for which account and endpoint, how often. Whether the n-th matching
// request is hit is a pure function of (seed, rule id, n), so a run with the same seed and the same
// request sequence sees the same faults.
import { z } from 'zod';
import { prep, type Db } from '../core/db';
import { hash01 } from '../core/rng';

export const FAULT_KINDS = [
  'status', // raw HTTP error from the gateway (nginx-style 5xx page)
  'platformError', // the platform's own error JSON with a given code (10001, -1, 20019, …)
  'rateLimit', // the platform's rate-limit error (Weibo 10023, WeChat 45009, portal 429)
  'tokenExpired', // the platform's token-expired error (Weibo 21327, WeChat 42001, portal 401)
  'timeout', // hold the connection without answering, then drop it
  'slow', // answer normally after a delay
  'drop', // close the connection without any response
  'publishOutcome', // WeChat freepublish ends in status 2/3/4 instead of 0
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultInput = z.object({
  account: z.string().default('*'),
  platform: z.enum(['weibo', 'wechat', 'portal', '*']).default('*'),
  /** Exact platform path, a prefix ending in "*", or "*" for all. Portal paths are relative to the site. */
  endpoint: z.string().default('*'),
  method: z.string().optional(),
  kind: z.enum(FAULT_KINDS),
  /** before: the request has no effect; after: it takes effect but the response is replaced or lost. */
  phase: z.enum(['before', 'after']).default('before'),
  probability: z.number().min(0).max(1).default(1),
  times: z.number().int().positive().optional(),
  skip: z.number().int().nonnegative().default(0),
  delayMs: z.number().int().nonnegative().optional(),
  status: z.number().int().min(400).max(599).optional(),
  code: z.number().int().optional(),
  message: z.string().optional(),
  publishStatus: z.union([z.literal(2), z.literal(3), z.literal(4)]).optional(),
  failIdx: z.array(z.number().int().positive()).optional(),
});
export type FaultInput = z.input<typeof faultInput>;
export type FaultSpec = z.output<typeof faultInput>;

export interface FaultRule extends FaultSpec {
  id: number;
  hits: number;
  fired: number;
}

export interface RequestMatch {
  accountId: string | undefined;
  platform: string;
  endpoint: string;
  method: string;
}

function endpointMatches(pattern: string, endpoint: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return endpoint.startsWith(pattern.slice(0, -1));
  return pattern === endpoint;
}

export class FaultStore {
  private rules: FaultRule[];

  constructor(
    private readonly db: Db,
    private readonly seed: string,
  ) {
    const rows = prep(db, 'SELECT id, rule, hits, fired FROM faults ORDER BY id').all() as {
      id: number;
      rule: string;
      hits: number;
      fired: number;
    }[];
    this.rules = rows.map((r) => ({
      ...(JSON.parse(r.rule) as FaultSpec),
      id: r.id,
      hits: r.hits,
      fired: r.fired,
    }));
  }

  add(spec: FaultSpec): FaultRule {
    const info = prep(this.db, 'INSERT INTO faults (rule) VALUES (?)').run(JSON.stringify(spec));
    const rule: FaultRule = { ...spec, id: Number(info.lastInsertRowid), hits: 0, fired: 0 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    prep(this.db, 'DELETE FROM faults WHERE id = ?').run(id);
    return this.rules.length < before;
  }

  clear(account?: string): number {
    const doomed = this.rules.filter((r) => !account || r.account === account);
    for (const r of doomed) this.remove(r.id);
    return doomed.length;
  }

  /** Counts the request against every matching rule and returns the rules that fire for it. */
  evaluate(m: RequestMatch): FaultRule[] {
    const fired: FaultRule[] = [];
    const update = prep(this.db, 'UPDATE faults SET hits = ?, fired = ? WHERE id = ?');
    for (const r of this.rules) {
      if (r.account !== '*' && r.account !== m.accountId) continue;
      if (r.platform !== '*' && r.platform !== m.platform) continue;
      if (r.method && r.method.toUpperCase() !== m.method) continue;
      if (!endpointMatches(r.endpoint, m.endpoint)) continue;
      r.hits++;
      const eligible = r.hits > r.skip && (r.times === undefined || r.fired < r.times);
      if (eligible && hash01(this.seed, 'fault', r.id, r.hits) < r.probability) {
        r.fired++;
        fired.push(r);
      }
      update.run(r.hits, r.fired, r.id);
    }
    return fired;
  }
}
