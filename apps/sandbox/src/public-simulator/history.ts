// Seeded history: N past posts of an account over a date range, with an original/forward mix, metrics,
// and the public's comments on them (bursting around a few events), so that importing an account's
// existing timeline and computing a year's figures has something realistic to work on.
import { z } from 'zod';
import type { Account } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { nextSeq } from '../core/db';
import { InputError } from '../core/errors';
import { Rng } from '../core/rng';
import { DAY_MS, parseYmd } from '../core/time';
import { EVENTS } from './corpus/events';
import type { HistoryPlan } from './history-plan';
import { seedPortalHistory } from './history-portal';
import { seedWechatHistory } from './history-wechat';
import { seedWeiboHistory } from './history-weibo';
import type { PublicSimulator } from './simulator';

const day = z.string().refine((s) => parseYmd(s) !== null, 'expected YYYY-MM-DD');

export const historyInput = z.object({
  from: day,
  to: day,
  count: z.number().int().min(1).max(20_000),
  /** Share of original posts; the rest are forwards of upstream accounts (Weibo) or reprints (WeChat). */
  originalRatio: z.number().min(0).max(1).default(0.4),
  /** Mean number of public comments per post outside bursts. */
  commentsPerPost: z.number().min(0).max(200).default(2),
  /** How many events burst inside the range. */
  bursts: z.number().int().min(0).max(EVENTS.length).default(3),
});
export type HistoryInput = z.input<typeof historyInput>;

export interface HistorySummary {
  accountId: string;
  posts: number;
  originals: number;
  forwards: number;
  comments: number;
  letters?: number;
  from: string;
  to: string;
  bursts: { event: string; centre: string }[];
}

// People post during the working day and the evening.
const HOUR_WEIGHTS: Record<string, number> = Object.fromEntries(
  [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 2, 5, 6, 6, 5, 3, 3, 5, 6, 6, 5, 3, 3, 4, 3, 1.5, 0.5].map((w, h) => [
    String(h),
    w,
  ]),
);

export function seedHistory(
  ctx: SandboxContext,
  sim: PublicSimulator,
  account: Account,
  raw: HistoryInput,
): HistorySummary {
  const input = historyInput.parse(raw);
  const from = parseYmd(input.from)!;
  const now = ctx.clock.now();
  const to = Math.min(parseYmd(input.to)! + DAY_MS - 1, now - 60_000);
  if (to <= from) throw new InputError('history range must end after it starts and before now');
  const rng = new Rng(`${ctx.seed}:history:${account.id}:${nextSeq(ctx.db, 'history')}`);
  const days = Math.max(1, Math.floor((to - from) / DAY_MS) + 1);
  const times = Array.from({ length: input.count }, () => {
    const d = rng.int(0, days - 1);
    const hour = Number(rng.weighted(HOUR_WEIGHTS));
    // `from` is a Beijing midnight, so adding hours gives that Beijing hour of day d.
    return Math.min(to, from + d * DAY_MS + hour * 3600_000 + rng.int(0, 3599_999));
  }).sort((a, b) => a - b);
  const pool = [...EVENTS];
  const bursts = Array.from({ length: Math.min(input.bursts, pool.length) }, () => {
    const event = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
    return { event, centre: from + rng.int(2, Math.max(2, days - 3)) * DAY_MS + 10 * 3600_000 };
  });
  const plan: HistoryPlan = {
    rng,
    times,
    originals: times.map(() => rng.chance(input.originalRatio)),
    commentsPerPost: input.commentsPerPost,
    bursts,
    now,
  };
  const base = {
    accountId: account.id,
    from: input.from,
    to: input.to,
    bursts: bursts.map((b) => ({ event: b.event.code, centre: new Date(b.centre).toISOString() })),
  };
  const run = ctx.db.transaction(() => {
    switch (account.platform) {
      case 'weibo':
        return { ...base, ...seedWeiboHistory(ctx, sim, account, plan) };
      case 'wechat':
        return { ...base, ...seedWechatHistory(ctx, sim, account, plan) };
      case 'portal':
        return { ...base, ...seedPortalHistory(ctx, sim, account, plan) };
    }
  });
  return run();
}
