import { Injectable } from '@nestjs/common';
import { type AuditAction, type PostEventAction, type PostStatus } from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { type PostStore } from './post-store';

/** What people do to a post; the dispatcher writes its own entries (dispatch_*) with the outcome. */
export type PersonAction = Exclude<PostEventAction, `dispatch_${string}`>;

export interface JournalEntry {
  postId: number;
  action: PersonAction;
  audit: AuditAction;
  detail: string;
}

const auditOf: Record<PersonAction, AuditAction> = {
  create: 'post.create',
  update: 'post.update',
  submit: 'post.submit',
  withdraw: 'post.withdraw',
  approve: 'post.approve',
  reject: 'post.reject',
  urgent_approve: 'post.urgent_approve',
  returned_to_review: 'post.returned_to_review',
  schedule: 'post.schedule',
  reschedule: 'post.schedule',
  cancel: 'post.cancel',
  send_now: 'post.send_now',
};

/**
 * Every transition is written twice: on the post's timeline inside the transaction that makes it (so the
 * two cannot disagree), and in the audit log once it has committed.
 */
@Injectable()
export class PostJournal {
  constructor(private readonly audit: AuditService) {}

  async record(
    store: PostStore,
    actor: Actor,
    at: Date,
    change: {
      postId: number;
      action: PersonAction;
      from: PostStatus | null;
      to: PostStatus;
      detail?: string;
      /** A publication-level step audited under its own action (publication.cancel …). */
      audit?: AuditAction;
    },
  ): Promise<JournalEntry> {
    const detail = (change.detail ?? '').slice(0, 500);
    await store.insertEvent({
      postId: change.postId,
      at,
      actorId: actor.userId,
      actorName: actor.displayName.slice(0, 64),
      action: change.action,
      fromStatus: change.from,
      toStatus: change.to,
      detail,
      accountId: null,
      link: null,
    });
    return {
      postId: change.postId,
      action: change.action,
      audit: change.audit ?? auditOf[change.action],
      detail,
    };
  }

  async publish(actor: Actor, entries: readonly JournalEntry[]): Promise<void> {
    for (const e of entries)
      await this.audit.record({
        actor,
        action: e.audit,
        result: 'success',
        targetType: 'post',
        targetId: e.postId,
        detail: e.detail || undefined,
      });
  }
}
