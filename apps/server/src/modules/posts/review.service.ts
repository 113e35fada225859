import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type Post,
  type ReviewDecisionRequest,
  type ReviewQueueItem,
  reviewLevelLabel,
  type UrgentApproveRequest,
  type VersionedRequest,
  weiboLength,
  weiboTextLimit,
} from '@sunlight/contracts';
import { type Actor, scopePaths } from '../../common/actor';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { type PostEntity } from '../../database/entities';
import { factsOf, PostAccess, staleVersion, verdictError } from './post-access';
import { PostDetails } from './post-details.service';
import { PostGateService } from './post-gate.service';
import { type JournalEntry, PostJournal } from './post-journal';
import { afterApproval, decide, gateVerdict } from './post-rules';
import { type PostFields } from './post-store';
import { toPostSummary } from './post.mapper';
import { PostsRepository, type PostTx } from './posts.repository';
import { ScheduleService } from './schedule.service';
import { shanghaiMinute } from './shanghai-format';

/** 审核: submit, withdraw, each level's decision, 紧急审批, and the queue of what waits for the caller. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly repo: PostsRepository,
    private readonly access: PostAccess,
    private readonly gate: PostGateService,
    private readonly schedule: ScheduleService,
    private readonly journal: PostJournal,
    private readonly details: PostDetails,
    private readonly clock: Clock,
  ) {}

  async submit(actor: Actor, id: number, req: VersionedRequest): Promise<Post> {
    const post = await this.current(actor, id, req.version, 'submit');
    const variants = await this.repo.posts.variants(id);
    assertComplete(post, variants);
    const verdict = gateVerdict('submit', await this.gate.check(post, variants));
    if (!verdict.ok) throw verdictError(verdict);
    const now = this.clock.now();
    const levels = post.department?.reviewLevels ?? post.reviewLevels;
    await this.transition(actor, post, now, {
      changes: {
        status: 'submitted',
        reviewLevels: levels,
        currentLevel: 1,
        reviewRound: post.reviewRound + 1,
        awaitingSince: now,
      },
      action: 'submit',
      detail: `${levels} 级审核`,
    });
    return this.details.get(actor, id);
  }

  async withdraw(actor: Actor, id: number, req: VersionedRequest): Promise<Post> {
    const post = await this.current(actor, id, req.version, 'withdraw');
    await this.transition(actor, post, this.clock.now(), {
      changes: { status: 'draft', currentLevel: 0, awaitingSince: null },
      action: 'withdraw',
    });
    return this.details.get(actor, id);
  }

  /** A decision at the current level. Approval re-runs the gate; every warning must be acknowledged. */
  async decide(actor: Actor, id: number, req: ReviewDecisionRequest): Promise<Post> {
    const post = await this.current(actor, id, req.version, 'review');
    const approve = req.decision === 'approve';
    const acknowledged = req.acknowledgedWarnings ?? [];
    if (approve) await this.assertGate(post, acknowledged);
    const now = this.clock.now();
    const label = reviewLevelLabel(post.currentLevel, post.reviewLevels);
    const next = approve ? afterApproval(post) : { status: 'rejected' as const, currentLevel: 0 };
    await this.transition(actor, post, now, {
      changes: { ...next, awaitingSince: next.status === 'in_review' ? now : null },
      action: approve ? 'approve' : 'reject',
      detail: `${label}${approve ? '通过' : '退回'}${req.comment ? `：${req.comment}` : ''}`.slice(0, 500),
      steps: [{ level: post.currentLevel, urgent: false }],
      review: {
        decision: req.decision,
        comment: req.comment ?? '',
        anchors: req.anchors ?? [],
        acknowledged,
      },
    });
    return this.details.get(actor, id);
  }

  /** 紧急审批: an approver signs every remaining level at once, with the reason on record. */
  async urgentApprove(actor: Actor, id: number, req: UrgentApproveRequest): Promise<Post> {
    const post = await this.current(actor, id, req.version, 'urgent_approve');
    const acknowledged = req.acknowledgedWarnings ?? [];
    await this.assertGate(post, acknowledged);
    const levels = Array.from(
      { length: post.reviewLevels - post.currentLevel + 1 },
      (_, i) => post.currentLevel + i,
    );
    await this.transition(actor, post, this.clock.now(), {
      changes: {
        status: 'approved',
        currentLevel: 0,
        awaitingSince: null,
        urgent: true,
        urgentReason: req.reason,
      },
      action: 'urgent_approve',
      detail: `紧急审批（${levels.map((l) => reviewLevelLabel(l, post.reviewLevels)).join('、')}）：${req.reason}`,
      steps: levels.map((level) => ({ level, urgent: true })),
      review: { decision: 'approve', comment: req.comment ?? '', anchors: [], acknowledged },
    });
    return this.details.get(actor, id);
  }

  /** What waits for the caller, oldest first, with how long it has waited. */
  async queue(actor: Actor): Promise<ReviewQueueItem[]> {
    const store = this.repo.posts;
    const candidates = await store.awaitingReview(scopePaths(actor, ['reviewer', 'approver']));
    const approvals = await store.approvalsOf(candidates.map((p) => p.id));
    const channels = await store.targetChannels(candidates.map((p) => p.id));
    const now = this.clock.now().getTime();
    return candidates
      .filter((p) => {
        const signatures = approvals.filter((s) => s.postId === p.id);
        return decide('review', actor, factsOf(p), signatures).ok;
      })
      .map((p) => {
        const since = p.awaitingSince ?? p.updatedAt;
        return {
          post: toPostSummary(p, channels.get(p.id) ?? []),
          level: p.currentLevel,
          levelLabel: reviewLevelLabel(p.currentLevel, p.reviewLevels),
          waitingSince: since.toISOString(),
          waitingSeconds: Math.max(0, Math.floor((now - since.getTime()) / 1000)),
        };
      });
  }

  private async current(
    actor: Actor,
    id: number,
    version: number,
    action: 'submit' | 'withdraw' | 'review' | 'urgent_approve',
  ): Promise<PostEntity> {
    const post = await this.access.readable(actor, id);
    await this.access.assert(action, actor, post);
    if (post.version !== version) throw staleVersion();
    return post;
  }

  private async assertGate(post: PostEntity, acknowledged: readonly string[]) {
    const variants = await this.repo.posts.variants(post.id);
    const verdict = gateVerdict('approve', await this.gate.check(post, variants), acknowledged);
    if (!verdict.ok) throw verdictError(verdict);
  }

  /**
   * The status change, its review steps and timeline entry in one transaction; a final approval of a post
   * with a planned time queues its publications in the same transaction.
   */
  private async transition(
    actor: Actor,
    post: PostEntity,
    now: Date,
    t: {
      changes: Partial<PostFields>;
      action: 'submit' | 'withdraw' | 'approve' | 'reject' | 'urgent_approve';
      detail?: string;
      steps?: Array<{ level: number; urgent: boolean }>;
      review?: {
        decision: 'approve' | 'reject';
        comment: string;
        anchors: unknown[];
        acknowledged: readonly string[];
      };
    },
  ): Promise<void> {
    const entries = await this.repo.transaction(async (tx): Promise<JournalEntry[]> => {
      await tx.posts.lock(post.id);
      let to = t.changes.status ?? post.status;
      const scheduleAt =
        to === 'approved' && post.scheduledAt
          ? new Date(Math.max(post.scheduledAt.getTime(), now.getTime()))
          : null;
      if (scheduleAt) to = 'scheduled';
      if (!(await tx.posts.updateIf(post.id, post, { ...t.changes, status: to }))) throw staleVersion();
      for (const step of t.steps ?? [])
        await tx.posts.insertStep({
          postId: post.id,
          round: post.reviewRound,
          level: step.level,
          reviewerId: actor.userId,
          decision: t.review!.decision,
          comment: t.review!.comment,
          anchors: JSON.stringify(t.review!.anchors),
          acknowledgedWarnings: JSON.stringify(t.review!.acknowledged),
          urgent: step.urgent,
          at: now,
        });
      const entries = [
        await this.journal.record(tx.posts, actor, now, {
          postId: post.id,
          action: t.action,
          from: post.status,
          to: scheduleAt ? 'approved' : to,
          detail: t.detail,
        }),
      ];
      if (scheduleAt) entries.push(await this.queueOnApproval(tx, actor, post, scheduleAt, now));
      return entries;
    });
    await this.journal.publish(actor, entries);
  }

  private async queueOnApproval(tx: PostTx, actor: Actor, post: PostEntity, at: Date, now: Date) {
    await this.schedule.queue(tx, actor, post, at);
    return this.journal.record(tx.posts, actor, now, {
      postId: post.id,
      action: 'schedule',
      from: 'approved',
      to: 'scheduled',
      detail: `按计划时间 ${shanghaiMinute(at)} 发布`,
    });
  }
}

/** What a post needs before review: a title, targets, a column for each portal, Weibo text within 140. */
function assertComplete(
  post: PostEntity,
  variants: Awaited<ReturnType<PostsRepository['posts']['variants']>>,
) {
  const issues: { path: string; message: string }[] = [];
  if (!post.title.trim()) issues.push({ path: 'title', message: '标题不能为空' });
  if (variants.length === 0) issues.push({ path: 'targets', message: '请至少选择一个发布账号' });
  if (post.kind === 'forward' && !post.forwardOf)
    issues.push({ path: 'forwardOf', message: '转发稿件请填写被转发的内容' });
  for (const v of variants) {
    if (v.channel === 'portal' && v.columnId === null)
      issues.push({
        path: `variants.${v.accountId}.columnId`,
        message: `请为「${v.account?.name}」选择栏目`,
      });
    if (v.channel === 'weibo' && weiboLength(v.text) > weiboTextLimit)
      issues.push({
        path: `variants.${v.accountId}.text`,
        message: `「${v.account?.name}」微博超过 ${weiboTextLimit} 字`,
      });
    if (v.channel !== 'weibo' && !v.text.trim() && post.kind === 'original')
      issues.push({ path: `variants.${v.accountId}.text`, message: `「${v.account?.name}」正文不能为空` });
  }
  if (issues.length)
    throw new AppError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      `稿件还不能提交：${issues.map((i) => i.message).join('；')}`,
      'The post is not complete',
      issues,
    );
}
