// Article statistics from datacube/getarticlesummary. WeChat reports by day, one day per call, up to
// yesterday (Beijing), and only rows with reads+shares+favourites ≥ 3; so samples are per day (`day` set)
// and the last few days are read again on every run, which heals a missed run and late corrections.
import { shanghaiDayOf } from '../../common/shanghai-time';
import type { ChannelAccount, MetricSample } from '../channel.interface';
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
  const out: MetricSample[] = [];
  for (let back = METRIC_DAYS; back >= 1; back--) {
    const day = shanghaiDayOf(new Date(now.getTime() - back * DAY_MS));
    const summary = await client.call(account, {
      path: '/datacube/getarticlesummary',
      body: { kind: 'json', value: { begin_date: day, end_date: day } },
      schema: articleSummary,
      write: false,
    });
    for (const row of summary.list) {
      // msgid is "<msg_data_id>_<idx>", the same id the articles are collected under.
      if (!wanted.has(row.msgid)) continue;
      out.push({
        externalId: row.msgid,
        day: row.ref_date,
        reads: row.int_page_read_count,
        reposts: row.share_count,
      });
    }
  }
  return out;
}
