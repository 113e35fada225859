// Article statistics from datacube/getarticlesummary. WeChat reports by day, one day per call, up to
// yesterday (Beijing), and only rows with reads+shares+favourites ≥ 3; so samples are per day (`day` set)
// and the last few days are read again on every run, which heals a missed run and late corrections.
import { shanghaiDayOf } from '../../common/shanghai-time';
import type { ChannelAccount, MetricSample } from '../channel.interface';
import { type DailyStats } from '../daily-stats-walk';
import { publishedPage } from './wechat-articles';
import { type WechatClient } from './wechat-client';
import { articleSummary } from './wechat-wire';

export const METRIC_DAYS = 7;
const DAY_MS = 86_400_000;

export async function articleMetrics(
  client: WechatClient,
  account: ChannelAccount,
  externalIds: readonly string[],
  now: Date,
): Promise<MetricSample[]> {
  const wanted = new Set(externalIds);
  if (wanted.size === 0) return [];
  const stats = dailyStats(client, account);
  const out: MetricSample[] = [];
  for (let back = METRIC_DAYS; back >= 1; back--) {
    const day = shanghaiDayOf(new Date(now.getTime() - back * DAY_MS));
    out.push(...(await stats.days(day, day)).filter((s) => wanted.has(s.externalId)));
  }
  return out;
}

/** The account's article statistics, a day a call, and the day of its first published message. */
export function dailyStats(client: WechatClient, account: ChannelAccount): DailyStats {
  return {
    span: 1,
    days: async (day) => {
      const summary = await client.call(account, {
        path: '/datacube/getarticlesummary',
        body: { kind: 'json', value: { begin_date: day, end_date: day } },
        schema: articleSummary,
        write: false,
      });
      // msgid is "<msg_data_id>_<idx>", the same id the articles are collected under.
      return summary.list.map((row) => ({
        externalId: row.msgid,
        day: row.ref_date,
        reads: row.int_page_read_count,
        reposts: row.share_count,
      }));
    },
    oldestDay: async () => {
      const newest = await publishedPage(client, account, 0, false);
      if (newest.total_count === 0) return null;
      const oldest = await publishedPage(client, account, newest.total_count - 1, false);
      const first = oldest.item[oldest.item.length - 1] ?? newest.item[newest.item.length - 1];
      return first ? shanghaiDayOf(new Date(first.update_time * 1000)) : null;
    },
  };
}
