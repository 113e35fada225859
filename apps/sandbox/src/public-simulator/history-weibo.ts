// Weibo history: originals written from the official-post corpus, forwards of upstream accounts, the
// public's comments (many more inside bursts), some of the account's answers to them, and the public's
// mentions of the account (@平安示范 …).
import type { WeiboAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { fill } from './corpus';
import { OFFICIAL_POSTS } from './corpus/official';
import { OFFICIAL_ANSWERS, REPOST_TEXTS } from './corpus/reactions';
import { pickMessage } from './generator';
import { attention, burstAt, type HistoryPlan } from './history-plan';
import type { PublicSimulator } from './simulator';
import { UPSTREAM_ACCOUNTS } from './users';
import { sourceHtml } from '../weibo/weibo-text';

const FORWARD_TEXTS = [
  '转发微博',
  '【扩散周知】',
  '扩散！请大家相互转告。',
  '转发提醒，注意防范。',
  '权威发布，转发周知。',
  ...REPOST_TEXTS.slice(0, 6),
];
const UPSTREAM_SOURCE = '<a href="http://weibo.com/" rel="nofollow">微博 weibo.com</a>';

export function seedWeiboHistory(
  ctx: SandboxContext,
  sim: PublicSimulator,
  a: WeiboAccount,
  plan: HistoryPlan,
) {
  const { rng } = plan;
  const repo = sim.weibo;
  let seq = 0;
  const id = (at: number): bigint => ctx.weiboIds.past(at, seq++);
  for (const u of UPSTREAM_ACCOUNTS) {
    repo.upsertUser(u.uid, u.name, {
      gender: 'n',
      location: '江南',
      description: `${u.name}官方微博`,
      followers: 2_000_000,
      friends: 500,
      statuses: 30_000,
      createdAt: Date.UTC(2011, 5, 1),
      verifiedType: 1,
      verifiedReason: u.name,
    });
  }
  const source = sourceHtml(a.config.appName, a.config.appKey);
  let comments = 0;
  let originals = 0;
  plan.times.forEach((at, i) => {
    const original = plan.originals[i]!;
    const statusId = id(at);
    let text: string;
    let retweetedId: string | null = null;
    if (original) {
      text = fill(rng.pick(OFFICIAL_POSTS), rng, at);
      originals++;
    } else {
      const up = rng.pick(UPSTREAM_ACCOUNTS);
      const upAt = at - rng.int(10 * 60_000, 36 * 3600_000);
      const upId = id(upAt);
      repo.insertStatus({
        id: upId,
        uid: up.uid,
        text: fill(rng.pick(OFFICIAL_POSTS), rng, upAt),
        createdAt: upAt,
        source: UPSTREAM_SOURCE,
        reposts: rng.heavyTail(300, 1),
        comments: rng.heavyTail(80, 1),
        attitudes: rng.heavyTail(900, 1),
      });
      retweetedId = upId.toString();
      text = rng.pick(FORWARD_TEXTS);
    }
    repo.insertStatus({
      id: statusId,
      uid: a.config.uid,
      text,
      createdAt: at,
      source,
      retweetedId,
      reposts: attention(plan, original ? 8 : 2, 1.2),
      attitudes: attention(plan, original ? 30 : 8, 1.2),
      reads: attention(plan, original ? 3000 : 800),
    });
    ctx.ledger.record({
      accountId: a.id,
      platform: 'weibo',
      externalId: statusId.toString(),
      kind: original ? 'original' : 'forward',
      origin: 'history',
      endpoint: 'history',
      text,
      status: 'published',
      at,
    });
    const burst = burstAt(plan, at);
    const k = rng.poisson(plan.commentsPerPost * (burst ? 8 : 1));
    for (let j = 0; j < k; j++) {
      const cAt = Math.min(plan.now - 1000, at + rng.int(60_000, 2 * 86_400_000));
      const p = sim.person(rng);
      const msg = pickMessage(rng, 'weiboComment', cAt, burstAt(plan, cAt));
      const cid = id(cAt);
      repo.insertComment({
        id: cid,
        statusId: statusId.toString(),
        statusUid: a.config.uid,
        uid: p.uid,
        text: msg.text,
        createdAt: cAt,
        source: p.source,
      });
      comments++;
      if (msg.category !== 'chatter' && rng.chance(0.35)) {
        const rAt = Math.min(plan.now - 500, cAt + rng.int(10 * 60_000, 20 * 3600_000));
        repo.insertComment({
          id: id(rAt),
          statusId: statusId.toString(),
          statusUid: a.config.uid,
          uid: a.config.uid,
          text: `回复@${p.screenName}:${rng.pick(OFFICIAL_ANSWERS)}`,
          createdAt: rAt,
          source,
          replyToId: cid.toString(),
          replyToUid: p.uid,
        });
      }
    }
  });
  for (const at of plan.messages) {
    const p = sim.person(plan.messageRng);
    const msg = pickMessage(plan.messageRng, 'mention', at, burstAt(plan, at));
    repo.insertStatus({
      id: id(at),
      uid: p.uid,
      text: `@${a.name} ${msg.text}`,
      createdAt: at,
      source: p.source,
      mentionUid: a.config.uid,
    });
  }
  return {
    posts: plan.times.length,
    originals,
    forwards: plan.times.length - originals,
    comments,
    mentions: plan.messages.length,
  };
}
