import { describe, expect, it } from 'vitest';
import { retryTime, timelineEntryOf } from './dispatch-timeline';

// 2026-11-23 10:00 in Asia/Shanghai.
const now = new Date('2026-11-23T02:00:00Z');
const published = {
  kind: 'published' as const,
  externalId: '5012',
  url: 'https://weibo.example/5012',
  publishedAt: now,
  note: null,
};

describe('the dispatcher’s words on the post timeline', () => {
  it('links a live publication, and says when it was found by asking the channel', () => {
    expect(timelineEntryOf(published, 'sending', now)).toEqual({
      action: 'dispatch_published',
      detail: '',
      link: 'https://weibo.example/5012',
    });
    expect(timelineEntryOf({ ...published, confirmed: true }, 'sending', now)?.action).toBe(
      'dispatch_confirmed',
    );
  });

  it('gives the retry time as the office reads it, with the reason', () => {
    const at = new Date('2026-11-23T02:05:30Z');
    expect(timelineEntryOf({ kind: 'retry', at, note: 'HTTP 502' }, 'sending', now)).toEqual({
      action: 'dispatch_retry',
      detail: '将于 10:05 重试。原因：HTTP 502',
      link: null,
    });
    expect(retryTime(new Date('2026-11-23T17:00:00Z'), now)).toBe('11月24日 01:00');
  });

  it('keeps the channel’s own words on a failure', () => {
    expect(
      timelineEntryOf(
        { kind: 'failed', failure: 'permanent', note: '20012: 内容超过长度限制' },
        'sending',
        now,
      )?.detail,
    ).toBe('20012: 内容超过长度限制');
    expect(
      timelineEntryOf({ kind: 'failed', failure: 'retryable', note: 'HTTP 503' }, 'sending', now)?.detail,
    ).toBe('多次重试仍未成功：HTTP 503');
  });

  it('tells sent-and-publishing from not known, and stays quiet while a later question changes nothing', () => {
    const accepted = {
      kind: 'pending' as const,
      externalId: 'p1',
      note: '渠道处理中',
      poll: true,
      accepted: true,
    };
    const unknown = { kind: 'pending' as const, externalId: null, note: '无法确认是否已发出', poll: true };
    expect(timelineEntryOf(accepted, 'sending', now)?.action).toBe('dispatch_sent');
    expect(timelineEntryOf(unknown, 'sending', now)).toMatchObject({
      action: 'dispatch_pending',
      detail: '无法确认是否已发出',
    });
    expect(timelineEntryOf(unknown, 'pending_confirmation', now)).toBeNull();
  });
});
