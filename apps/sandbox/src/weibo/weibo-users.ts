// /2/users/show, /2/account/get_uid and /2/account/rate_limit_status.
import type { SandboxContext } from '../core/context';
import { cstDateTime, hourStart } from '../core/time';
import { caller } from './weibo-auth';
import type { WeiboRepo } from './weibo-repo';
import type { Handler, WeiboStatuses } from './weibo-statuses';

export function usersHandlers(
  ctx: SandboxContext,
  repo: WeiboRepo,
  statuses: WeiboStatuses,
): Record<string, Handler> {
  return {
    show: (req, ser) => {
      const uid = statuses.targetUid(req);
      const user = { ...ser.user(uid) };
      const latest = repo.latestStatusId(uid);
      const row = latest ? repo.status(latest) : undefined;
      if (row) user.status = ser.status(row, { trimUser: true });
      return user;
    },
    getUid: (req) => ({ uid: Number(caller(req).account.config.uid) }),
    rateLimitStatus: (req) => {
      const { account } = caller(req);
      const now = ctx.clock.now();
      const window = hourStart(now);
      const reset = window + 3600_000;
      const used = (what: string) => ctx.counters.peek(`wb:${what}:${account.id}`, window);
      const { callsPerHour, postsPerHour, commentsPerHour } = account.config.limits;
      return {
        api_rate_limits: [
          {
            api: 'statuses/share',
            limit: postsPerHour,
            limit_time_unit: 'HOURS',
            remaining_hits: Math.max(0, postsPerHour - used('posts')),
          },
          {
            api: 'comments/create',
            limit: commentsPerHour,
            limit_time_unit: 'HOURS',
            remaining_hits: Math.max(0, commentsPerHour - used('comments')),
          },
        ],
        ip_limit: 10000,
        limit_time_unit: 'HOURS',
        remaining_ip_hits: 10000,
        remaining_user_hits: Math.max(0, callsPerHour - used('calls')),
        reset_time: cstDateTime(reset),
        reset_time_in_seconds: Math.max(0, Math.ceil((reset - now) / 1000)),
        user_limit: callsPerHour,
      };
    },
  };
}
