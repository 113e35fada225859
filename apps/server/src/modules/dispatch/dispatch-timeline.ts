// What the post's timeline says about one settled attempt on one account, in the words an editor would use:
// 已发布 with the link, 发送失败 with the channel's own text, 将于 HH:mm 重试, 待确认, 核对后确认已发布.
import { type PostEventAction, type PublicationStatus } from '@sunlight/contracts';
import { shanghaiMinute } from '../posts/shanghai-format';
import { type Outcome } from './dispatch-outcome';

export interface TimelineEntry {
  action: PostEventAction;
  detail: string;
  link: string | null;
}

/** 14:05 today, or 11月24日 09:00 on another day (Asia/Shanghai, as the office reads it). */
export function retryTime(at: Date, now: Date): string {
  const local = shanghaiMinute(at);
  const [, month, day] = local.slice(0, 10).split('-').map(Number);
  const hhmm = local.slice(11);
  return local.slice(0, 10) === shanghaiMinute(now).slice(0, 10) ? hhmm : `${month}月${day}日 ${hhmm}`;
}

/**
 * The entry for an outcome written from `from`; null when nothing new happened for a reader (the channel,
 * asked again, is still publishing or still cannot say).
 */
export function timelineEntryOf(
  outcome: Exclude<Outcome, { kind: 'skip' }>,
  from: PublicationStatus,
  now: Date,
): TimelineEntry | null {
  switch (outcome.kind) {
    case 'published':
      return {
        action: outcome.confirmed ? 'dispatch_confirmed' : 'dispatch_published',
        detail: outcome.note ?? '',
        link: outcome.url,
      };
    case 'pending':
      if (from === 'pending_confirmation') return null;
      return outcome.accepted
        ? { action: 'dispatch_sent', detail: '渠道已接收，正在发布', link: null }
        : { action: 'dispatch_pending', detail: outcome.note, link: null };
    case 'retry':
      return {
        action: 'dispatch_retry',
        detail: `将于 ${retryTime(outcome.at, now)} 重试。原因：${outcome.note}`,
        link: null,
      };
    case 'failed':
      return {
        action: 'dispatch_failed',
        detail: outcome.failure === 'retryable' ? `多次重试仍未成功：${outcome.note}` : outcome.note,
        link: null,
      };
  }
}
