import { HttpStatus, Injectable } from '@nestjs/common';
import { type Post, type ScheduleRequest } from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { AppError, conflict } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { type PostEntity } from '../../database/entities';
import { PostAccess, staleVersion, verdictError } from './post-access';
import { PostDetails } from './post-details.service';
import { PostGateService } from './post-gate.service';
import { PostJournal } from './post-journal';
import { gateVerdict } from './post-rules';
import { planPublications } from './publication-plan';
import { PostsRepository, type PostTx } from './posts.repository';
import { shanghaiMinute } from './shanghai-format';

/** A time a minute or more in the past is a mistake, not "now" (the form's clock may lag a little). */
const PAST_TOLERANCE_MS = 60_000;

/**
 * 排期: approved posts become one queued publication per target with a due time; scheduled ones can be
 * moved, cancelled or sent now until a worker claims them. Every change to a queued publication is
 * conditional on it still being queued (publication-store.ts), so the dispatcher never sends a cancelled one.
 */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly repo: PostsRepository,
    private readonly access: PostAccess,
    private readonly gate: PostGateService,
    private readonly journal: PostJournal,
    private readonly details: PostDetails,
    private readonly clock: Clock,
  ) {}

  async schedule(actor: Actor, id: number, req: ScheduleRequest): Promise<Post> {
    const post = await this.access.readable(actor, id);
    await this.access.assert('schedule', actor, post);
    if (post.version !== req.version) throw staleVersion();
    const now = this.clock.now();
    const at = this.dueTime(req.at ?? null, now);
    const entries = await this.repo.transaction(async (tx) => {
      await tx.posts.lock(id);
      if (post.status === 'approved') {
        const moved = await tx.posts.updateIf(id, post, { status: 'scheduled', scheduledAt: at });
        if (!moved) throw staleVersion();
        await this.queue(tx, actor, post, at);
        return [
          await this.journal.record(tx.posts, actor, now, {
            postId: id,
            action: 'schedule',
            from: post.status,
            to: 'scheduled',
            detail: `发布时间 ${shanghaiMinute(at)}`,
          }),
        ];
      }
      await this.recheck(tx, post);
      const queued = (await tx.publications.ofPost(id)).filter((p) => p.status === 'queued');
      if (
        (await tx.publications.setDueIfQueued(
          queued.map((p) => p.id),
          at,
        )) !== queued.length
      )
        throw alreadySending();
      if (!(await tx.posts.updateIf(id, post, { scheduledAt: at }))) throw staleVersion();
      return [
        await this.journal.record(tx.posts, actor, now, {
          postId: id,
          action: 'reschedule',
          from: post.status,
          to: post.status,
          detail: `发布时间改为 ${shanghaiMinute(at)}`,
        }),
      ];
    });
    await this.journal.publish(actor, entries);
    return this.details.get(actor, id);
  }

  async cancel(actor: Actor, id: number): Promise<Post> {
    const post = await this.access.readable(actor, id);
    await this.access.assert('cancel', actor, post);
    const now = this.clock.now();
    const entry = await this.repo.transaction(async (tx) => {
      await tx.posts.lock(id);
      const n = await this.withdrawQueued(tx, post);
      if (!(await tx.posts.updateIf(id, post, { status: 'cancelled', currentLevel: 0, awaitingSince: null })))
        throw staleVersion();
      return this.journal.record(tx.posts, actor, now, {
        postId: id,
        action: 'cancel',
        from: post.status,
        to: 'cancelled',
        detail: n ? `撤销 ${n} 条待发送记录` : '',
      });
    });
    await this.journal.publish(actor, [entry]);
    return this.details.get(actor, id);
  }

  /** 立即发送: every queued publication of the post becomes due now. */
  async sendNow(actor: Actor, id: number): Promise<Post> {
    const post = await this.access.readable(actor, id);
    await this.access.assert('send_now', actor, post);
    const now = this.clock.now();
    const entry = await this.repo.transaction(async (tx) => {
      await this.recheck(tx, post);
      const queued = (await tx.publications.ofPost(id)).filter((p) => p.status === 'queued');
      if (queued.length === 0) throw conflict('没有待发送的记录', 'Nothing is waiting to be sent');
      await tx.publications.setDueIfQueued(
        queued.map((p) => p.id),
        now,
      );
      return this.journal.record(tx.posts, actor, now, {
        postId: id,
        action: 'send_now',
        from: post.status,
        to: post.status,
      });
    });
    await this.journal.publish(actor, [entry]);
    return this.details.get(actor, id);
  }

  /**
   * Queues the post's publications at `dueAt`, inside the caller's transaction (the final approval or 排期),
   * after checking the gate once more: a post is never queued past a block or a non-public mark.
   */
  async queue(tx: PostTx, actor: Actor, post: PostEntity, dueAt: Date): Promise<void> {
    const variants = await this.recheck(tx, post);
    const ids = variants.flatMap((v) => [
      ...(v.coverId ? [v.coverId] : []),
      ...(JSON.parse(v.imageIds) as number[]),
      ...(JSON.parse(v.attachmentIds) as number[]),
    ]);
    const files = new Map((await this.repo.attachments([...new Set(ids)])).map((a) => [a.id, a]));
    await tx.publications.insertQueued(planPublications(post, variants, files, dueAt, actor.ip));
  }

  /**
   * Cancels every queued publication of the post, inside the caller's transaction (an edit after approval,
   * a cancel). Refused when any has already been claimed or sent: that one cannot be taken back.
   */
  async withdrawQueued(tx: PostTx, post: PostEntity): Promise<number> {
    const live = (await tx.publications.ofPost(post.id)).filter((p) => p.status !== 'cancelled');
    if (live.some((p) => p.status !== 'queued')) throw alreadySending();
    const cancelled = await tx.publications.cancelQueued(live.map((p) => p.id));
    if (cancelled !== live.length) throw alreadySending();
    return cancelled;
  }

  /** The gate again, as sending would see the post; returns its variants. */
  async recheck(tx: PostTx, post: PostEntity) {
    const variants = await tx.posts.variants(post.id);
    const verdict = gateVerdict('schedule', await this.gate.check(post, variants));
    if (!verdict.ok) throw verdictError(verdict);
    return variants;
  }

  dueTime(at: string | null, now: Date): Date {
    if (at === null) return now;
    const due = new Date(at);
    if (due.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        '发布时间不能早于现在',
        'The publishing time is in the past',
        [{ path: 'at', message: '发布时间不能早于现在' }],
      );
    return due < now ? now : due;
  }
}

export const alreadySending = () =>
  conflict('已有渠道开始发送或已发布，不能再撤销或修改', 'A publication of this post is already being sent');
