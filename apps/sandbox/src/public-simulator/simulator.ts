// The simulated public acting on the sandbox's accounts: comments, replies, reposts, mentions and likes on
// Weibo; comments (留言), direct messages and reads on WeChat; letters and page views on the portal.
// Each call draws from its own seeded stream (seed + call number), so runs repeat exactly.
import type { Account, PortalAccount, WechatAccount, WeiboAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { getMeta, nextSeq } from '../core/db';
import { Rng } from '../core/rng';
import { ymd } from '../core/time';
import { PortalRepo } from '../portal/portal-repo';
import { WechatRepo } from '../wechat/wechat-repo';
import { WeiboRepo } from '../weibo/weibo-repo';
import { FOLLOW_UPS, REPOST_TEXTS } from './corpus/reactions';
import { findEvent, letterTitle, pickMessage, type Message } from './generator';
import type { EventDef } from './corpus/events';
import { pushDirectMessage } from './direct-messages';
import { person, POOL_SIZE, type PublicPerson } from './users';

export const INTERACTION_KINDS = [
  'comment',
  'reply',
  'repost',
  'mention',
  'like',
  'read',
  'message',
  'letter',
  'pageview',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

const KIND_WEIGHTS: Record<Account['platform'], Partial<Record<InteractionKind, number>>> = {
  weibo: { comment: 34, reply: 8, repost: 12, mention: 8, like: 22, read: 16 },
  wechat: { comment: 30, message: 20, read: 50 },
  portal: { letter: 35, pageview: 65 },
};

type Burst = { event: EventDef; share: number };

export interface AdvanceOptions {
  count: number;
  accounts?: string[];
  kinds?: Partial<Record<InteractionKind, number>>;
  event?: string;
  eventShare?: number;
  /** Also stamp the items at this time (ms) instead of now, e.g. for history. */
  at?: number;
}

export interface Interaction {
  accountId: string;
  platform: Account['platform'];
  kind: InteractionKind;
  id: string | null;
  text: string | null;
  category: string | null;
  topic: string | null;
  event: string | null;
  user: string | null;
}

export class PublicSimulator {
  readonly weibo: WeiboRepo;
  readonly wechat: WechatRepo;
  readonly portal: PortalRepo;

  constructor(private readonly ctx: SandboxContext) {
    this.weibo = new WeiboRepo(ctx.db);
    this.wechat = new WechatRepo(ctx.db);
    this.portal = new PortalRepo(ctx.db);
  }

  /** The number of the next advance call: part of the seed of its random stream. */
  get calls(): number {
    return Number(getMeta(this.ctx.db, 'seq:public_advance') ?? 0);
  }

  person(rng: Rng): PublicPerson {
    const p = person(this.ctx.seed, rng.int(0, POOL_SIZE - 1));
    this.weibo.upsertUser(p.uid, p.screenName, p.profile);
    return p;
  }

  advance(opts: AdvanceOptions): Interaction[] {
    const n = nextSeq(this.ctx.db, 'public_advance');
    const rng = new Rng(`${this.ctx.seed}:advance:${n}`);
    const accounts = (
      opts.accounts?.length ? opts.accounts.map((id) => this.ctx.accounts.get(id)) : this.ctx.accounts.list()
    ).filter((a): a is Account => a !== undefined);
    const event = findEvent(opts.event);
    const burst = event ? { event, share: opts.eventShare ?? 0.75 } : undefined;
    const out: Interaction[] = [];
    if (accounts.length === 0) return out;
    const run = this.ctx.db.transaction(() => {
      for (let i = 0; i < opts.count; i++) {
        const account = rng.pick(accounts);
        const at = opts.at ?? this.ctx.clock.now();
        const weights = { ...KIND_WEIGHTS[account.platform] };
        if (opts.kinds)
          for (const k of Object.keys(weights) as InteractionKind[]) weights[k] = opts.kinds[k] ?? 0;
        if (!Object.values(weights).some((w) => (w ?? 0) > 0)) continue;
        const kind = rng.weighted(weights);
        const item = this.act(account, kind, rng, at, burst);
        if (item) out.push(item);
      }
    });
    run();
    return out;
  }

  private act(
    account: Account,
    kind: InteractionKind,
    rng: Rng,
    at: number,
    burst?: Burst,
  ): Interaction | null {
    switch (account.platform) {
      case 'weibo':
        return this.weiboAct(account, kind, rng, at, burst);
      case 'wechat':
        return this.wechatAct(account, kind, rng, at, burst);
      case 'portal':
        return this.portalAct(account, kind, rng, at, burst);
    }
  }

  private item(
    account: Account,
    kind: InteractionKind,
    id: string | null,
    msg: Message | null,
    user: string | null,
    text?: string,
  ): Interaction {
    return {
      accountId: account.id,
      platform: account.platform,
      kind,
      id,
      text: text ?? msg?.text ?? null,
      category: msg?.category ?? null,
      topic: msg?.topic ?? null,
      event: msg?.event ?? null,
      user,
    };
  }

  /** A recent status of the account, favouring the newest (people comment on what is on top). */
  private recentStatus(uid: string, rng: Rng): string | undefined {
    const ids = this.weibo.recentStatusIds(uid, 20);
    return ids.length ? ids[Math.floor(rng.next() ** 2 * ids.length)] : undefined;
  }

  private weiboAct(
    a: WeiboAccount,
    kind: InteractionKind,
    rng: Rng,
    at: number,
    burst?: Burst,
  ): Interaction | null {
    const uid = a.config.uid;
    const target = this.recentStatus(uid, rng);
    const p = this.person(rng);
    if (kind === 'mention' || !target) {
      const msg = pickMessage(rng, 'mention', at, burst);
      const id = this.ctx.weiboIds.next(at);
      this.weibo.insertStatus({
        id,
        uid: p.uid,
        text: `@${a.name} ${msg.text}`,
        createdAt: at,
        source: p.source,
        mentionUid: uid,
      });
      return this.item(a, 'mention', id.toString(), msg, p.screenName, `@${a.name} ${msg.text}`);
    }
    if (kind === 'like' || kind === 'read') {
      const by = kind === 'like' ? rng.int(1, 12) : rng.int(20, 600);
      this.weibo.bump(target, kind === 'like' ? 'attitudes' : 'reads', by);
      return this.item(a, kind, target, null, null, String(by));
    }
    if (kind === 'repost') {
      const text = rng.pick(REPOST_TEXTS);
      const id = this.ctx.weiboIds.next(at);
      this.weibo.insertStatus({ id, uid: p.uid, text, createdAt: at, source: p.source, retweetedId: target });
      this.weibo.bump(target, 'reposts', 1);
      return this.item(a, 'repost', id.toString(), null, p.screenName, text);
    }
    if (kind === 'reply') {
      // A follow-up under the account's own reply, addressed to the account.
      const answered = this.weibo.recentCommentsOn(uid, uid, 10);
      if (answered.length) {
        const c = rng.pick(answered);
        const text = `回复@${a.name}:${rng.pick(FOLLOW_UPS)}`;
        const id = this.ctx.weiboIds.next(at);
        this.weibo.insertComment({
          id,
          statusId: c.status_id,
          statusUid: uid,
          uid: p.uid,
          text,
          createdAt: at,
          source: p.source,
          replyToId: c.id,
          replyToUid: uid,
        });
        return this.item(a, 'reply', id.toString(), null, p.screenName, text);
      }
    }
    const msg = pickMessage(rng, 'weiboComment', at, burst);
    const id = this.ctx.weiboIds.next(at);
    this.weibo.insertComment({
      id,
      statusId: target,
      statusUid: uid,
      uid: p.uid,
      text: msg.text,
      createdAt: at,
      source: p.source,
    });
    return this.item(a, 'comment', id.toString(), msg, p.screenName);
  }

  private wechatAct(
    a: WechatAccount,
    kind: InteractionKind,
    rng: Rng,
    at: number,
    burst?: Burst,
  ): Interaction | null {
    const recent = this.wechat
      .published(a.id, at, 0, 10)
      .rows.filter((j) => j.articles.length > 0 && j.outcome === 0);
    const p = this.person(rng);
    if (kind === 'message' || recent.length === 0) {
      const msg = pickMessage(rng, 'wechatMessage', at, burst);
      const msgId = pushDirectMessage(this.ctx, a, p.openid, msg.text, at);
      return this.item(a, 'message', msgId, msg, p.openid);
    }
    const job = recent[Math.floor(rng.next() ** 2 * recent.length)]!;
    const idx = rng.int(1, job.articles.length);
    if (kind === 'read') {
      const reads = rng.int(5, 120);
      const shares = rng.chance(0.4) ? rng.int(1, Math.max(1, Math.floor(reads / 15))) : 0;
      const favs = rng.chance(0.3) ? rng.int(1, 3) : 0;
      this.wechat.bumpDaily(a.id, job.msg_data_id, idx, ymd(at), {
        read_count: reads,
        read_user: Math.max(1, Math.round(reads * 0.85)),
        share_count: shares,
        share_user: shares,
        fav_count: favs,
        fav_user: favs,
      });
      return this.item(a, 'read', `${job.msg_data_id}_${idx}`, null, null, String(reads));
    }
    const msg = pickMessage(rng, 'wechatComment', at, burst);
    const id = this.wechat.insertComment({
      msg_data_id: job.msg_data_id,
      idx,
      account_id: a.id,
      openid: p.openid,
      content: msg.text,
      create_time: at,
    });
    return this.item(a, 'comment', `${job.msg_data_id}_${idx}_${id}`, msg, p.openid);
  }

  private portalAct(
    a: PortalAccount,
    kind: InteractionKind,
    rng: Rng,
    at: number,
    burst?: Burst,
  ): Interaction | null {
    if (kind === 'pageview') {
      const rows = this.portal.articles(a.id, { now: at, limit: 30 }).rows;
      const target = rows.length ? rows[Math.floor(rng.next() ** 2 * rows.length)]!.id : 0;
      const views = rng.int(1, 60);
      this.portal.addViews(a.id, ymd(at), target, views);
      return this.item(a, 'pageview', String(target), null, null, String(views));
    }
    const p = this.person(rng);
    const msg = pickMessage(rng, 'letter', at, burst);
    const id = this.portal.insertLetter({
      account_id: a.id,
      category: msg.category,
      topic: msg.topic,
      title: letterTitle(msg.text),
      content: msg.text,
      name: `${[...p.realName][0]}**`,
      phone: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`,
      submitted_at: at,
    });
    return this.item(a, 'letter', String(id), msg, p.realName);
  }
}
