import { HttpStatus, Injectable } from '@nestjs/common';
import { type Actor } from '../../common/actor';
import { AppError, forbidden, notFound } from '../../common/app-error';
import { type PostEntity } from '../../database/entities';
import {
  decide,
  mayView,
  type PostFacts,
  type Signature,
  type Verdict,
  type WorkflowAction,
} from './post-rules';
import { type PostStore } from './post-store';
import { PostsRepository } from './posts.repository';

export function factsOf(p: PostEntity): PostFacts {
  return {
    authorId: p.authorId,
    departmentId: p.departmentId,
    departmentPath: p.department?.path ?? '',
    status: p.status,
    reviewLevels: p.reviewLevels,
    currentLevel: p.currentLevel,
  };
}

/** A refusal of the rules as the API answers it. */
export function verdictError(v: Exclude<Verdict, { ok: true }>): AppError {
  return v.status === 403 ? forbidden(v.zh, v.en) : new AppError(HttpStatus.CONFLICT, 'CONFLICT', v.zh, v.en);
}

export const staleVersion = () =>
  new AppError(
    HttpStatus.CONFLICT,
    'CONFLICT',
    '稿件已被他人修改，请刷新后再试',
    'The post was changed by someone else; reload it',
  );

/** Loads posts for a caller and applies the workflow rules (post-rules.ts) to them. */
@Injectable()
export class PostAccess {
  constructor(private readonly repo: PostsRepository) {}

  /**
   * A post the caller may see. One outside their reach is refused with 403, not hidden behind a 404, so the
   * attempt lands in the audit log as 越权访问.
   */
  async readable(actor: Actor, id: number, store: PostStore = this.repo.posts): Promise<PostEntity> {
    const post = await store.findById(id);
    if (!post) throw notFound('稿件', 'Post');
    if (!mayView(actor, factsOf(post)))
      throw forbidden('该稿件不在您的管辖范围内', 'Post outside your scope');
    return post;
  }

  /** Approvals of the post's current round. */
  async signatures(post: PostEntity, store: PostStore = this.repo.posts): Promise<Signature[]> {
    const steps = await store.steps(post.id, post.reviewRound);
    return steps
      .filter((s) => s.decision === 'approve')
      .map((s) => ({ level: s.level, reviewerId: s.reviewerId }));
  }

  /** Throws unless the rules allow the action now. */
  async assert(
    action: WorkflowAction,
    actor: Actor,
    post: PostEntity,
    store: PostStore = this.repo.posts,
  ): Promise<void> {
    const signatures = action === 'review' ? await this.signatures(post, store) : [];
    const verdict = decide(action, actor, factsOf(post), signatures);
    if (!verdict.ok) throw verdictError(verdict);
  }
}
