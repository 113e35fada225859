// Seeded history: past posts of an account over a date range — a given number, or a weekly rate with fewer
// at weekends, or (portal) column by column against update quotas — with an original/forward mix, metrics,
// the public's comments (bursting around a few events), letters and mentions, so that importing an
// account's existing timeline and computing a year's figures has something realistic to work on.
import { z } from 'zod';
import type { Account } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { nextSeq } from '../core/db';
import { InputError } from '../core/errors';
import { Rng } from '../core/rng';
import { DAY_MS, parseYmd, ymd } from '../core/time';
import { EVENTS } from './corpus/events';
import { columnPlanInput, columnTimes } from './history-columns';
import type { HistoryPlan } from './history-plan';
import { seedPortalHistory } from './history-portal';
import { daysOf, type Rhythm, timeOnDay, timesByCount, timesByRate, timesWithin } from './history-rhythm';
import { seedWechatHistory } from './history-wechat';
import { seedWeiboHistory } from './history-weibo';
import type { PublicSimulator } from './simulator';

const day = z.string().refine((s) => parseYmd(s) !== null, 'expected YYYY-MM-DD');

export const historyInput = z
  .object({
    from: day,
    to: day,
    /** Exactly this many posts … */
    count: z.number().int().min(1).max(20_000).optional(),
    /** … or about this many a week … */
    perWeek: z.number().positive().max(500).optional(),
    /** … or (portal) each column against its quota. */
    columns: z.array(columnPlanInput).min(1).optional(),
    /** A weekend day gets this share of a working day's posts. */
    weekendFactor: z.number().min(0).max(1).default(0.4),
    /** The account went quiet: its last post is this many days before now, none after (超期未更新). */
    quietDays: z.number().int().min(0).max(3650).default(0),
    /** Share of original posts; the rest are forwards of upstream accounts (Weibo) or reprints (WeChat). */
    originalRatio: z.number().min(0).max(1).default(0.4),
    /** Mean number of public comments per post outside bursts. */
    commentsPerPost: z.number().min(0).max(200).default(2),
    /** Scales reads, likes, reposts and page views (1 = a typical 分局 account). */
    engagement: z.number().positive().max(100).default(1),
    /** Portal letters (default: one for every three articles) or Weibo mentions (default none) a week. */
    messagesPerWeek: z.number().min(0).max(500).optional(),
    /** How many events burst inside the range. */
    bursts: z.number().int().min(0).max(EVENTS.length).default(3),
  })
  .refine((x) => [x.count, x.perWeek, x.columns].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of count, perWeek or columns',
  });
export type HistoryInput = z.input<typeof historyInput>;

export interface HistorySummary {
  accountId: string;
  posts: number;
  originals: number;
  forwards: number;
  comments: number;
  letters?: number;
  mentions?: number;
  from: string;
  to: string;
  first: string | null;
  last: string | null;
  bursts: { event: string; centre: string }[];
}

export function seedHistory(
  ctx: SandboxContext,
  sim: PublicSimulator,
  account: Account,
  raw: HistoryInput,
): HistorySummary {
  const input = historyInput.parse(raw);
  const from = parseYmd(input.from)!;
  const now = ctx.clock.now();
  const quietFrom = input.quietDays ? parseYmd(ymd(now - input.quietDays * DAY_MS))! : null;
  const end = Math.min(parseYmd(input.to)! + DAY_MS - 1, now - 60_000);
  const to = quietFrom === null ? end : Math.min(end, quietFrom - 1);
  if (to <= from) throw new InputError('history range must end after it starts and before now');
  if (input.columns && account.platform !== 'portal')
    throw new InputError('columns are for portal history only');
  const seed = `${ctx.seed}:history:${account.id}:${nextSeq(ctx.db, 'history')}`;
  const rng = new Rng(seed);
  const rhythm: Rhythm = { from, to, weekendFactor: input.weekendFactor };
  const planned = plannedPosts(rng, input, rhythm, quietFrom, end);
  const times = planned.map((p) => p.at);
  const days = Math.max(1, Math.floor((to - from) / DAY_MS) + 1);
  const pool = [...EVENTS];
  const bursts = Array.from({ length: Math.min(input.bursts, pool.length) }, () => {
    const event = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
    return { event, centre: from + rng.int(2, Math.max(2, days - 3)) * DAY_MS + 10 * 3600_000 };
  });
  const weeks = days / 7;
  const messageCount =
    input.messagesPerWeek !== undefined
      ? Math.round(input.messagesPerWeek * weeks)
      : account.platform === 'portal'
        ? Math.round(times.length / 3)
        : 0;
  const messageRhythm = { ...rhythm, to: end, weekendFactor: Math.max(0.5, input.weekendFactor) };
  const messageRng = new Rng(`${seed}:message-times`);
  const plan: HistoryPlan = {
    rng,
    times,
    originals: times.map(() => rng.chance(input.originalRatio)),
    columns: input.columns ? planned.map((p) => p.column!) : undefined,
    commentsPerPost: input.commentsPerPost,
    engagement: input.engagement,
    // Their own stream of chance: a post more or less today leaves the letters and mentions as they were.
    messageRng: new Rng(`${seed}:messages`),
    messages: timesWithin(messageRng, messageRhythm, daysOf(from, end), messageCount),
    bursts,
    now,
  };
  const base = {
    accountId: account.id,
    from: input.from,
    to: input.to,
    first: times.length ? new Date(times[0]!).toISOString() : null,
    last: times.length ? new Date(times[times.length - 1]!).toISOString() : null,
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

type ParsedInput = z.output<typeof historyInput>;

/**
 * When each post goes out (and, on a portal, in which column); a quiet account's last post falls on the day
 * it went quiet, so "last published N days ago" holds exactly.
 */
function plannedPosts(
  rng: Rng,
  input: ParsedInput,
  rhythm: Rhythm,
  quietFrom: number | null,
  end: number,
): { at: number; column?: string }[] {
  const planned: { at: number; column?: string }[] = input.columns
    ? columnTimes(rng, rhythm, input.columns)
    : (input.count ? timesByCount(rng, rhythm, input.count) : timesByRate(rng, rhythm, input.perWeek!)).map(
        (at) => ({ at }),
      );
  if (quietFrom !== null && quietFrom <= end)
    planned.push({ at: timeOnDay(rng, quietFrom, end) ?? end, column: input.columns?.[0]?.code });
  return planned;
}
