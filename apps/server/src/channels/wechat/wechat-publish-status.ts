// freepublish/get's publish_status (and the PUBLISHJOBFINISH event's) → PublicationStatus.
import { type z } from 'zod';
import type { PublicationStatus } from '../channel.interface';
import { articleExternalId } from './wechat-refs';
import { type publishState } from './wechat-wire';

const FAILURES: Record<number, string> = {
  2: '原创声明校验失败 / originality check failed',
  3: '发布失败 / publishing failed',
  4: '平台审核不通过 / rejected by platform review',
  5: '发布成功后用户已删除全部文章 / all articles deleted after publishing',
  6: '发布成功后被系统封禁 / banned by the platform after publishing',
};

export function publishOutcome(s: z.infer<typeof publishState>, at: Date): PublicationStatus {
  switch (s.publish_status) {
    case 0: {
      // One article per publication: the first item is ours.
      const item = s.article_detail?.item[0];
      return {
        state: 'published',
        externalId: articleExternalId(s.article_id ?? s.publish_id, item?.idx ?? 1, item?.article_url),
        url: item?.article_url || null,
        publishedAt: at,
      };
    }
    case 1:
      return { state: 'pending', externalId: s.publish_id };
    default: {
      const failed = s.fail_idx?.length
        ? `（第 ${s.fail_idx.join('、')} 篇 / article ${s.fail_idx.join(', ')}）`
        : '';
      const reason =
        FAILURES[s.publish_status] ?? `未知发布状态 / unknown publish_status ${s.publish_status}`;
      return { state: 'failed', reason: `${reason}${failed}` };
    }
  }
}
