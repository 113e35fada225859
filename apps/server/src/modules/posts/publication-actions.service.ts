import { Injectable } from '@nestjs/common';
import { type AuditAction, type PostStatus, publicationStatusLabels } from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { conflict, notFound } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { type PostEntity, type PublicationEntity } from '../../database/entities';
import { PostAccess } from './post-access';
import { type PersonAction, PostJournal } from './post-journal';
import { statusFromPublications, type WorkflowAction } from './post-rules';
import { PostsRepository, type PostTx } from './posts.repository';
import { ScheduleService } from './schedule.service';
import { shanghaiMinute } from './shanghai-format';

/**
 * One publication at a time, from the content calendar: drag to another time (re-checked by the gate),
 * cancel, or send now. Only a queued publication of a post moves; the change is conditional on it still
 * being queued, so a worker that claimed it first wins and the person is told.
 */
@Injectable()
export class PublicationActions {
  constructor(
    private readonly repo: PostsRepository,
    private readonly access: PostAccess,
    private readonly schedule: ScheduleService,
    private readonly journal: PostJournal,
    private readonly clock: Clock,
  ) {}

  reschedule(actor: Actor, id: number, dueAt: string): Promise<void> {
    const now = this.clock.now();
    const at = this.schedule.dueTime(dueAt, now);
    return this.act(actor, id, 'schedule', async (tx, pub, post) => {
      await this.schedule.recheck(tx, post);
      if ((await tx.publications.setDueIfQueued([id], at)) !== 1) throw notQueued(pub);
      if (!(await tx.posts.updateIf(post.id, post, { scheduledAt: at })))
        throw conflict('稿件刚被修改，请刷新后再试', 'The post changed meanwhile');
      return ['reschedule', 'publication.reschedule', `调整为 ${shanghaiMinute(at)}`, post.status];
    });
  }

  cancel(actor: Actor, id: number): Promise<void> {
    return this.act(actor, id, 'cancel', async (tx, pub, post) => {
      if ((await tx.publications.cancelQueued([id])) !== 1) throw notQueued(pub);
      const status = statusFromPublications((await tx.publications.ofPost(post.id)).map((p) => p.status));
      if (status !== post.status && !(await tx.posts.updateIf(post.id, post, { status })))
        throw conflict('稿件刚被修改，请刷新后再试', 'The post changed meanwhile');
      return ['cancel', 'publication.cancel', '撤销单个渠道的发布', status];
    });
  }

  sendNow(actor: Actor, id: number): Promise<void> {
    const now = this.clock.now();
    return this.act(actor, id, 'send_now', async (tx, pub, post) => {
      await this.schedule.recheck(tx, post);
      if ((await tx.publications.setDueIfQueued([id], now)) !== 1) throw notQueued(pub);
      return ['send_now', 'publication.send_now', '单个渠道立即发送', post.status];
    });
  }

  private async act(
    actor: Actor,
    id: number,
    rule: WorkflowAction,
    work: (
      tx: PostTx,
      pub: PublicationEntity,
      post: PostEntity,
    ) => Promise<[PersonAction, AuditAction, string, PostStatus]>,
  ): Promise<void> {
    const pub = await this.repo.publications.findById(id);
    if (!pub?.postId) throw notFound('待发送的发布记录', 'Scheduled publication');
    const post = await this.access.readable(actor, pub.postId);
    await this.access.assert(rule, actor, post);
    const now = this.clock.now();
    const entry = await this.repo.transaction(async (tx) => {
      await tx.posts.lock(post.id);
      const [action, audit, detail, to] = await work(tx, pub, post);
      const account = (await tx.posts.accounts([pub.accountId]))[0]?.name ?? String(pub.accountId);
      return this.journal.record(tx.posts, actor, now, {
        postId: post.id,
        action,
        from: post.status,
        to,
        detail: `「${account}」${detail}`,
        audit,
      });
    });
    await this.journal.publish(actor, [entry]);
  }
}

const notQueued = (pub: PublicationEntity) =>
  conflict(
    `该发布记录已是「${publicationStatusLabels[pub.status]}」或刚被发送，不能再调整`,
    'The publication is no longer queued',
  );
