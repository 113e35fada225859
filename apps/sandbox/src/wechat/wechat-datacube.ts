// /datacube/*: article and follower statistics from the reads, shares and favourites the simulated public
// produced. Dates are Beijing days; end_date must be before today and the span within each API's maximum.
import type { SandboxContext } from '../core/context';
import { hash01 } from '../core/rng';
import { DAY_MS, parseYmd, ymd } from '../core/time';
import { WechatError } from './wechat-errors';
import { body, str, type WxHandler } from './wechat-handler';
import type { DailyRow, WechatRepo } from './wechat-repo';

const MAX_SPAN: Record<string, number> = {
  getarticlesummary: 1,
  getarticletotal: 1,
  getuserread: 3,
  getuserreadhour: 1,
  getusershare: 7,
  getusersharehour: 1,
  getusersummary: 7,
  getusercumulate: 7,
};

// Share of a day's reads per hour (people read on the commute, at lunch and in the evening).
const HOUR_CURVE = [
  1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.5, 3, 4, 4, 3.5, 3.5, 4.5, 3.5, 3, 3, 3, 3.5, 4, 4.5, 5, 5, 4, 2,
];
const HOUR_TOTAL = HOUR_CURVE.reduce((s, x) => s + x, 0);

function metrics(
  r: Pick<DailyRow, 'read_user' | 'read_count' | 'share_user' | 'share_count' | 'fav_user' | 'fav_count'>,
) {
  return {
    int_page_read_user: r.read_user,
    int_page_read_count: r.read_count,
    ori_page_read_user: Math.floor(r.read_user * 0.05),
    ori_page_read_count: Math.floor(r.read_count * 0.05),
    share_user: r.share_user,
    share_count: r.share_count,
    add_to_fav_user: r.fav_user,
    add_to_fav_count: r.fav_count,
  };
}

function sum(rows: DailyRow[]) {
  const z = { read_user: 0, read_count: 0, share_user: 0, share_count: 0, fav_user: 0, fav_count: 0 };
  for (const r of rows) {
    z.read_user += r.read_user;
    z.read_count += r.read_count;
    z.share_user += r.share_user;
    z.share_count += r.share_count;
    z.fav_user += r.fav_user;
    z.fav_count += r.fav_count;
  }
  return z;
}

export function datacubeHandler(ctx: SandboxContext, repo: WechatRepo, name: string): WxHandler {
  return (req, account) => {
    const b = body(req);
    const begin = parseYmd(str(b.begin_date) ?? '');
    const end = parseYmd(str(b.end_date) ?? '');
    if (begin === null || end === null) throw new WechatError(61500);
    const today = parseYmd(ymd(ctx.clock.now()))!;
    const span = Math.round((end - begin) / DAY_MS) + 1;
    if (end >= today || span < 1 || span > (MAX_SPAN[name] ?? 1)) throw new WechatError(61501);
    const days = Array.from({ length: span }, (_x, i) => ymd(begin + i * DAY_MS));
    const from = days[0]!;
    const to = days[days.length - 1]!;
    const title = (msgDataId: string, idx: number) =>
      repo.byMsgData(msgDataId)?.articles[idx - 1]?.title ?? '';
    const byDay = (rows: DailyRow[]) => days.map((d) => ({ d, rows: rows.filter((r) => r.ref_date === d) }));

    switch (name) {
      case 'getarticlesummary':
        return {
          list: repo
            .daily(account.id, from, to)
            .filter((r) => r.read_user + r.share_user + r.fav_user >= 3)
            .map((r) => ({
              ref_date: r.ref_date,
              msgid: `${r.msg_data_id}_${r.idx}`,
              title: title(r.msg_data_id, r.idx),
              ...metrics(r),
            })),
        };
      case 'getarticletotal': {
        const sent = repo
          .published(account.id, ctx.clock.now())
          .rows.filter((j) => ymd(j.submitted_at) === from);
        const last = ymd(Math.min(begin + 6 * DAY_MS, today - DAY_MS));
        return {
          list: sent.flatMap((j) =>
            j.articles.map((a, i) => ({
              ref_date: from,
              msgid: `${j.msg_data_id}_${i + 1}`,
              title: a.title,
              details: repo.dailyOf(j.msg_data_id, i + 1, from, last).map((r) => {
                const m = metrics(r);
                const part = (share: number, v: number) => Math.round(v * share);
                return {
                  stat_date: r.ref_date,
                  target_user: account.config.followers,
                  ...m,
                  int_page_from_session_read_user: part(0.35, m.int_page_read_user),
                  int_page_from_session_read_count: part(0.35, m.int_page_read_count),
                  int_page_from_hist_msg_read_user: part(0.05, m.int_page_read_user),
                  int_page_from_hist_msg_read_count: part(0.05, m.int_page_read_count),
                  int_page_from_feed_read_user: part(0.3, m.int_page_read_user),
                  int_page_from_feed_read_count: part(0.3, m.int_page_read_count),
                  int_page_from_friends_read_user: part(0.15, m.int_page_read_user),
                  int_page_from_friends_read_count: part(0.15, m.int_page_read_count),
                  int_page_from_other_read_user: part(0.15, m.int_page_read_user),
                  int_page_from_other_read_count: part(0.15, m.int_page_read_count),
                  feed_share_from_session_user: part(0.5, m.share_user),
                  feed_share_from_session_cnt: part(0.5, m.share_count),
                  feed_share_from_feed_user: part(0.3, m.share_user),
                  feed_share_from_feed_cnt: part(0.3, m.share_count),
                  feed_share_from_other_user: part(0.2, m.share_user),
                  feed_share_from_other_cnt: part(0.2, m.share_count),
                };
              }),
            })),
          ),
        };
      }
      case 'getuserread':
        return {
          list: byDay(repo.daily(account.id, from, to)).map(({ d, rows }) => ({
            ref_date: d,
            user_source: 0,
            ...metrics(sum(rows)),
          })),
        };
      case 'getuserreadhour': {
        const total = sum(repo.daily(account.id, from, to));
        return {
          list: HOUR_CURVE.map((w, h) => {
            const part = (v: number) => Math.round((v * w) / HOUR_TOTAL);
            const m = metrics({
              read_user: part(total.read_user),
              read_count: part(total.read_count),
              share_user: part(total.share_user),
              share_count: part(total.share_count),
              fav_user: part(total.fav_user),
              fav_count: part(total.fav_count),
            });
            return { ref_date: from, ref_hour: h * 100, user_source: 0, ...m };
          }).filter((r) => r.int_page_read_count > 0),
        };
      }
      case 'getusershare':
      case 'getusersharehour':
        return {
          list: byDay(repo.daily(account.id, from, to))
            .map(({ d, rows }) => ({ ref_date: d, share_scene: 1, ...sum(rows) }))
            .filter((r) => r.share_count > 0)
            .map((r) => ({
              ref_date: r.ref_date,
              share_scene: r.share_scene,
              share_count: r.share_count,
              share_user: r.share_user,
            })),
        };
      case 'getusersummary':
        return {
          list: days.map((d) => ({
            ref_date: d,
            user_source: 0,
            new_user: 20 + Math.floor(hash01(ctx.seed, 'new', account.id, d) * 180),
            cancel_user: Math.floor(hash01(ctx.seed, 'cancel', account.id, d) * 40),
          })),
        };
      case 'getusercumulate':
        return {
          list: days.map((d) => ({
            ref_date: d,
            // Followers grow by ~60 a day up to today's count.
            cumulate_user: Math.max(
              0,
              account.config.followers - Math.round(((today - parseYmd(d)!) / DAY_MS) * 60),
            ),
          })),
        };
      default:
        throw new WechatError(48001);
    }
  };
}

export const DATACUBE_APIS = Object.keys(MAX_SPAN);
