// /2/comments/*: lists (show, to_me, by_me, timeline, mentions) and writes (create, reply, destroy).
import { prep } from '../core/db';
import type { Request } from 'express';
import type { SandboxContext } from '../core/context';
import { int64 } from '../core/int64-json';
import { caller, takeWriteQuota } from './weibo-auth';
import { WeiboError } from './weibo-errors';
import { cursorParams, idParam, optional, required } from './weibo-params';
import type { CommentRow, Page, WeiboRepo } from './weibo-repo';
import type { WeiboSerializer } from './weibo-serialize';
import type { Handler } from './weibo-statuses';
import { mentionsIn, sourceHtml, weiboLength } from './weibo-text';

export class WeiboComments {
  constructor(
    private readonly ctx: SandboxContext,
    private readonly repo: WeiboRepo,
  ) {}

  private wrap(page: Page<CommentRow>, ser: WeiboSerializer) {
    return {
      comments: page.rows.map((r) => ser.comment(r)),
      marks: [],
      hasvisible: false,
      previous_cursor: 0,
      next_cursor: int64(page.next),
      total_number: page.total,
    };
  }

  private list(scope: 'to_me' | 'by_me' | 'timeline' | 'mentions'): Handler {
    return (req, ser) => {
      const { account } = caller(req);
      const cursor = cursorParams(req, 50, 200);
      if (optional(req, 'filter_by_author') === '1') return this.wrap({ rows: [], total: 0, next: '0' }, ser);
      return this.wrap(this.repo.comments(scope, account.config.uid, cursor), ser);
    };
  }

  show: Handler = (req, ser) => {
    const id = idParam(req, 'id', true);
    if (!this.repo.status(id)) throw new WeiboError(20101);
    const cursor = cursorParams(req, 50, 200);
    if (optional(req, 'filter_by_author') === '1') return this.wrap({ rows: [], total: 0, next: '0' }, ser);
    return this.wrap(this.repo.comments('show', id, cursor), ser);
  };

  toMe = this.list('to_me');
  byMe = this.list('by_me');
  timeline = this.list('timeline');
  mentions = this.list('mentions');

  private write(req: Request, ser: WeiboSerializer, statusId: string, text: string, replyTo?: CommentRow) {
    const { account } = caller(req);
    if (account.config.requireRip && !optional(req, 'rip')) throw new WeiboError(10016, ['rip']);
    if (weiboLength(text) > 140) throw new WeiboError(20012);
    const status = this.repo.status(statusId);
    if (!status) throw new WeiboError(20101);
    if (this.repo.hasCommentText(statusId, account.config.uid, text)) {
      this.ctx.ledger.recordRejection(account.id, req.path, 20019, text);
      throw new WeiboError(20019);
    }
    takeWriteQuota(this.ctx, account, 'comments', replyTo ? '/comments/reply' : '/comments/create');
    const now = this.ctx.clock.now();
    const id = this.ctx.weiboIds.next(now).toString();
    const mentioned = mentionsIn(text)
      .map((n) => this.ctx.accounts.list('weibo').find((a) => a.name === n))
      .find((a) => a !== undefined);
    this.repo.insertComment({
      id: BigInt(id),
      statusId,
      statusUid: status.uid,
      uid: account.config.uid,
      text,
      createdAt: now,
      source: sourceHtml(account.config.appName, account.config.appKey),
      replyToId: replyTo?.id ?? null,
      replyToUid: replyTo?.uid ?? null,
      mentionUid: mentioned && mentioned.platform === 'weibo' ? mentioned.config.uid : null,
    });
    this.ctx.ledger.record({
      accountId: account.id,
      platform: 'weibo',
      externalId: id,
      kind: replyTo ? 'reply' : 'comment',
      origin: 'api',
      endpoint: req.path,
      text,
      status: 'published',
      at: now,
    });
    return ser.comment(this.repo.comment(id)!);
  }

  create: Handler = (req, ser) => {
    const text = required(req, 'comment');
    const id = idParam(req, 'id', true);
    return this.write(req, ser, id, text);
  };

  reply: Handler = (req, ser) => {
    const cid = idParam(req, 'cid', true);
    const id = idParam(req, 'id', true);
    const text = required(req, 'comment');
    const target = this.repo.comment(cid);
    if (!target || target.status_id !== id) throw new WeiboError(20201);
    const name = ser.screenName(target.uid);
    // without_mention=0 (default) prefixes "回复@name:" as the Weibo client does.
    const full = optional(req, 'without_mention') === '1' ? text : `回复@${name}:${text}`;
    return this.write(req, ser, id, full, target);
  };

  destroy: Handler = (req, ser) => {
    const { account } = caller(req);
    const c = this.repo.comment(idParam(req, 'cid', true));
    if (!c) throw new WeiboError(20201);
    if (c.uid !== account.config.uid && c.status_uid !== account.config.uid) throw new WeiboError(20203);
    const out = ser.comment(c);
    prep(this.ctx.db, 'UPDATE wb_comments SET deleted = 1 WHERE id = ?').run(BigInt(c.id));
    this.repo.bump(c.status_id, 'comments', -1);
    return out;
  };
}
