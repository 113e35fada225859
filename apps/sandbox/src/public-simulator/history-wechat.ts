// WeChat history: published articles (1–3 per message, originals or reprints), daily read/share/favourite
// statistics for the week after each, and the public's comments with some answered.
import type { WechatAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { nextSeq } from '../core/db';
import { randomUrlSafe } from '../core/ids';
import { DAY_MS, ymd } from '../core/time';
import type { NewsItem } from '../wechat/wechat-repo';
import { ARTICLE_KINDS, articleBody, articleTitle } from './article-text';
import { OFFICIAL_ANSWERS } from './corpus/reactions';
import { pickMessage } from './generator';
import { attention, burstAt, type HistoryPlan } from './history-plan';
import type { PublicSimulator } from './simulator';
import { UPSTREAM_ACCOUNTS } from './users';

export function seedWechatHistory(
  ctx: SandboxContext,
  sim: PublicSimulator,
  a: WechatAccount,
  plan: HistoryPlan,
) {
  const { rng } = plan;
  let comments = 0;
  let originals = 0;
  plan.times.forEach((at, i) => {
    const original = plan.originals[i]!;
    if (original) originals++;
    const upstream = rng.pick(UPSTREAM_ACCOUNTS).name;
    const count = rng.chance(0.3) ? rng.int(2, 3) : 1;
    const articles: NewsItem[] = Array.from({ length: count }, () => {
      const content = articleBody(rng, at);
      return {
        article_type: 'news',
        title: articleTitle(rng, rng.pick(ARTICLE_KINDS), at),
        author: original ? a.name : upstream,
        digest: content.replace(/<[^>]+>/g, '').slice(0, 54),
        content: original ? content : `<p>来源：${upstream}</p>${content}`,
        content_source_url: '',
        thumb_media_id: '',
        need_open_comment: 1,
        only_fans_can_comment: 0,
        show_cover_pic: 0,
        thumb_url: '',
        slug: randomUrlSafe(22),
      };
    });
    const publishId = String(2247483000 + nextSeq(ctx.db, 'wx_publish'));
    const msgDataId = String(2650000000 + nextSeq(ctx.db, 'wx_msg_data'));
    sim.wechat.insertPublish({
      publish_id: publishId,
      account_id: a.id,
      kind: 'freepublish',
      media_id: null,
      msg_data_id: msgDataId,
      msg_id: null,
      article_id: randomUrlSafe(43),
      articles,
      submitted_at: at - 2000,
      finish_at: at,
      outcome: 0,
      fail_idx: [],
      deleted_idx: [],
      comments_open: articles.map((_x, k) => k + 1),
      notified: 1,
      original: original ? 1 : 0,
    });
    ctx.ledger.record({
      accountId: a.id,
      platform: 'wechat',
      externalId: publishId,
      kind: original ? 'original' : 'forward',
      origin: 'history',
      endpoint: 'history',
      title: articles.map((x) => x.title).join(' | '),
      text: articles.map((x) => x.content).join('\n'),
      status: 'published',
      at,
    });
    articles.forEach((_art, k) => {
      const idx = k + 1;
      const peak = attention(plan, idx === 1 ? 900 : 250);
      for (let d = 0; d < 7 && at + d * DAY_MS < plan.now; d++) {
        const reads = Math.round(peak / (d + 1) ** 1.6);
        if (reads === 0) break;
        const shares = Math.round(reads * 0.04);
        const favs = Math.round(reads * 0.015);
        sim.wechat.bumpDaily(a.id, msgDataId, idx, ymd(at + d * DAY_MS), {
          read_count: reads,
          read_user: Math.round(reads * 0.85),
          share_count: shares,
          share_user: shares,
          fav_count: favs,
          fav_user: favs,
        });
      }
      const burst = burstAt(plan, at);
      const n = rng.poisson(plan.commentsPerPost * (burst ? 6 : 1) * (idx === 1 ? 1 : 0.4));
      for (let j = 0; j < n; j++) {
        const cAt = Math.min(plan.now - 1000, at + rng.int(60_000, 3 * DAY_MS));
        const p = sim.person(rng);
        const msg = pickMessage(rng, 'wechatComment', cAt, burstAt(plan, cAt));
        const cid = sim.wechat.insertComment({
          msg_data_id: msgDataId,
          idx,
          account_id: a.id,
          openid: p.openid,
          content: msg.text,
          create_time: cAt,
        });
        comments++;
        if (msg.category !== 'chatter' && rng.chance(0.4)) {
          sim.wechat.updateComment(msgDataId, idx, cid, {
            reply_content: rng.pick(OFFICIAL_ANSWERS),
            reply_time: Math.min(plan.now - 500, cAt + rng.int(30 * 60_000, DAY_MS)),
            elected: rng.chance(0.5) ? 1 : 0,
          });
        }
      }
    });
  });
  return { posts: plan.times.length, originals, forwards: plan.times.length - originals, comments };
}
