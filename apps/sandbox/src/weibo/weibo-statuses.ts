// /2/statuses/*: publishing (share, repost, destroy) and reading (show, user_timeline, repost_timeline,
// mentions, count). Writes check rip, length, safe domain, repeat content and the posting limit.
import type { Request } from 'express';
import type { WeiboAccount } from '../core/accounts';
import type { SandboxContext } from '../core/context';
import { clientIp } from '../core/http';
import { int64 } from '../core/int64-json';
import { sniffImage, storeMedia } from '../core/media';
import { caller, takeWriteQuota } from './weibo-auth';
import { WeiboError } from './weibo-errors';
import { cursorParams, idParam, intParam, optional, required } from './weibo-params';
import type { StatusRow, WeiboRepo } from './weibo-repo';
import type { WeiboSerializer } from './weibo-serialize';
import { hasSafeDomainLink, mentionsIn, sourceHtml, weiboLength } from './weibo-text';

export type Handler = (req: Request, ser: WeiboSerializer) => unknown;

const MAX_PIC_BYTES = 5 * 1024 * 1024;

export class WeiboStatuses {
  constructor(
    private readonly ctx: SandboxContext,
    private readonly repo: WeiboRepo,
  ) {}

  private rip(req: Request, account: WeiboAccount): string {
    const rip = optional(req, 'rip');
    if (!rip && account.config.requireRip) throw new WeiboError(10016, ['rip']);
    return rip ?? clientIp(req);
  }

  private mentionUid(text: string): string | null {
    for (const name of mentionsIn(text)) {
      const target = this.ctx.accounts.list('weibo').find((a) => a.name === name);
      if (target && target.platform === 'weibo') return target.config.uid;
    }
    return null;
  }

  private rejectRepeat(account: WeiboAccount, endpoint: string, text: string, code: number): never {
    this.ctx.ledger.recordRejection(account.id, endpoint, code, text);
    throw new WeiboError(code);
  }

  share: Handler = (req, ser) => {
    const { account } = caller(req);
    const text = required(req, 'status');
    const rip = this.rip(req, account);
    if (weiboLength(text) > 140) throw new WeiboError(20012);
    if (!hasSafeDomainLink(text, account.config.safeDomains)) {
      throw new WeiboError(10017, [], 'appkey not bind domain!');
    }
    const pic = req.sbx.files.find((f) => f.field === 'pic');
    const picType = pic ? sniffImage(pic.data) : null;
    if (pic && (!picType || picType === 'bmp')) throw new WeiboError(20005);
    if (pic && pic.data.length > MAX_PIC_BYTES) throw new WeiboError(20006);
    const now = this.ctx.clock.now();
    const same = this.repo.sameText(
      account.config.uid,
      text,
      now - account.config.duplicateWindowHours * 3600_000,
    );
    if (same.length > 0) {
      // The same text as the account's latest post is 20111; as an older post in the window, 20019.
      const latest = this.repo.latestStatusId(account.config.uid);
      this.rejectRepeat(account, req.path, text, same[0]!.id === latest ? 20111 : 20019);
    }
    takeWriteQuota(this.ctx, account, 'posts', '/statuses/share');
    const stored =
      pic && picType
        ? storeMedia(this.ctx, {
            accountId: account.id,
            type: 'wbpic',
            ext: picType,
            data: pic.data,
            permanent: true,
            url: (id) => `/wbimg/large/${id}.jpg`,
          })
        : null;
    const id = this.ctx.weiboIds.next(now);
    this.repo.insertStatus({
      id,
      uid: account.config.uid,
      text,
      createdAt: now,
      source: sourceHtml(account.config.appName, account.config.appKey),
      picId: stored?.media_id ?? null,
      mentionUid: this.mentionUid(text),
      rip,
    });
    const idText = id.toString();
    this.ctx.ledger.record({
      accountId: account.id,
      platform: 'weibo',
      externalId: idText,
      kind: 'original',
      origin: 'api',
      endpoint: req.path,
      text,
      status: 'published',
      at: now,
    });
    return ser.status(this.repo.status(idText)!);
  };

  repost: Handler = (req, ser) => {
    const { account } = caller(req);
    const targetId = idParam(req, 'id', true);
    const comment = optional(req, 'status') ?? '转发微博';
    const isComment = intParam(req, 'is_comment', 0, 0, 3);
    const rip = this.rip(req, account);
    const target = this.repo.status(targetId);
    if (!target) throw new WeiboError(20101);
    if (weiboLength(comment) > 140) throw new WeiboError(20012);
    const rootId = target.retweeted_id ?? target.id;
    // Reposting a repost keeps the chain in the text: "my words//@previous:their words".
    const text = target.retweeted_id ? `${comment}//@${ser.screenName(target.uid)}:${target.text}` : comment;
    if (this.repo.sameRepost(account.config.uid, rootId, text))
      this.rejectRepeat(account, req.path, text, 20019);
    takeWriteQuota(this.ctx, account, 'posts', '/statuses/repost');
    const now = this.ctx.clock.now();
    const id = this.ctx.weiboIds.next(now);
    const source = sourceHtml(account.config.appName, account.config.appKey);
    this.repo.insertStatus({
      id,
      uid: account.config.uid,
      text,
      createdAt: now,
      source,
      retweetedId: rootId,
      mentionUid: this.mentionUid(comment),
      rip,
    });
    this.repo.bump(rootId, 'reposts', 1);
    if (rootId !== target.id) this.repo.bump(target.id, 'reposts', 1);
    const commentOn = (statusId: string, statusUid: string): void =>
      this.repo.insertComment({
        id: this.ctx.weiboIds.next(now),
        statusId,
        statusUid,
        uid: account.config.uid,
        text: comment,
        createdAt: now,
        source,
      });
    if (isComment === 1 || isComment === 3) commentOn(target.id, target.uid);
    if ((isComment === 2 || isComment === 3) && rootId !== target.id) {
      const root = this.repo.status(rootId);
      if (root) commentOn(root.id, root.uid);
    }
    this.ctx.ledger.record({
      accountId: account.id,
      platform: 'weibo',
      externalId: id.toString(),
      kind: 'forward',
      origin: 'api',
      endpoint: req.path,
      text,
      status: 'published',
      at: now,
    });
    return ser.status(this.repo.status(id.toString())!);
  };

  destroy: Handler = (req, ser) => {
    const { account } = caller(req);
    const status = this.repo.status(idParam(req, 'id', true));
    if (!status) throw new WeiboError(20101);
    if (status.uid !== account.config.uid) throw new WeiboError(20102);
    const out = ser.status(status);
    this.repo.deleteStatus(status.id);
    this.ctx.ledger.setStatus('weibo', status.id, 'deleted');
    return out;
  };

  show: Handler = (req, ser) => {
    const status = this.repo.status(idParam(req, 'id', true));
    if (!status) throw new WeiboError(20101);
    return ser.status(status);
  };

  /** uid or screen_name of any known user; the caller when neither is given. */
  targetUid(req: Request): string {
    const uid = idParam(req, 'uid');
    const name = optional(req, 'screen_name');
    if (uid) {
      if (!this.ctx.accounts.weiboByUid(uid) && !this.repo.user(uid)) throw new WeiboError(20003);
      return uid;
    }
    if (name) {
      const account = this.ctx.accounts.list('weibo').find((a) => a.name === name);
      if (account && account.platform === 'weibo') return account.config.uid;
      const row = this.repo.userByName(name);
      if (!row) throw new WeiboError(20003);
      return row.uid;
    }
    return caller(req).account.config.uid;
  }

  private wrap(
    key: string,
    rows: StatusRow[],
    page: { total: number; next: string },
    ser: WeiboSerializer,
    trim = false,
  ) {
    return {
      [key]: rows.map((r) => ser.status(r, { trimUser: trim })),
      marks: [],
      hasvisible: false,
      previous_cursor: 0,
      next_cursor: int64(page.next),
      total_number: page.total,
    };
  }

  userTimeline: Handler = (req, ser) => {
    const uid = this.targetUid(req);
    const feature = intParam(req, 'feature', 0, 0, 4);
    const page = this.repo.timeline(uid, feature, cursorParams(req, 20, 100));
    return this.wrap('statuses', page.rows, page, ser, optional(req, 'trim_user') === '1');
  };

  repostTimeline: Handler = (req, ser) => {
    const id = idParam(req, 'id', true);
    if (!this.repo.status(id)) throw new WeiboError(20101);
    const cursor = cursorParams(req, 20, 200);
    // filter_by_author=1 means "people I follow": sandbox accounts follow none of the simulated public.
    if (optional(req, 'filter_by_author') === '1')
      return this.wrap('reposts', [], { total: 0, next: '0' }, ser);
    const page = this.repo.reposts(id, cursor);
    return this.wrap('reposts', page.rows, page, ser);
  };

  mentions: Handler = (req, ser) => {
    const { account } = caller(req);
    const cursor = cursorParams(req, 20, 200);
    if (optional(req, 'filter_by_author') === '1')
      return this.wrap('statuses', [], { total: 0, next: '0' }, ser);
    const page = this.repo.mentions(account.config.uid, optional(req, 'filter_by_type') === '1', cursor);
    return this.wrap('statuses', page.rows, page, ser);
  };

  count: Handler = (req) => {
    const ids = required(req, 'ids')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length > 100) throw new WeiboError(20009);
    for (const id of ids) if (!/^\d{1,19}$/.test(id)) throw new WeiboError(10017, ['ids', 'int64', id]);
    // Unknown and deleted ids are left out silently, in the order Weibo returns them (as asked).
    const rows = new Map(this.repo.statuses(ids).map((r) => [r.id, r]));
    return ids
      .filter((id) => rows.has(id))
      .map((id) => {
        const r = rows.get(id)!;
        return { id: int64(r.id), comments: r.comments, reposts: r.reposts, attitudes: r.attitudes };
      });
  };
}
