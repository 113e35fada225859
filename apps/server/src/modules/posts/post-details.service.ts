import { Injectable } from '@nestjs/common';
import {
  type Page,
  type Post,
  type PostHistory,
  type PostListQuery,
  type PostSummary,
} from '@sunlight/contracts';
import { type Actor, coversPath, scopePaths } from '../../common/actor';
import { DepartmentsRepository } from '../departments/departments.repository';
import { factsOf, PostAccess } from './post-access';
import { permissionsFor } from './post-rules';
import {
  jsonList,
  toAttachment,
  toPostEvent,
  toPostPublication,
  toPostSummary,
  toPostVersion,
  toReviewStep,
  toVariant,
} from './post.mapper';
import { PostsRepository } from './posts.repository';

type ListQuery = Omit<PostListQuery, 'page' | 'pageSize' | 'mine'> & {
  page: number;
  pageSize: number;
  mine?: boolean;
};

/** Reading posts: the list in the caller's reach, one post with what the caller may do, its history. */
@Injectable()
export class PostDetails {
  constructor(
    private readonly repo: PostsRepository,
    private readonly access: PostAccess,
    private readonly departments: DepartmentsRepository,
  ) {}

  async list(actor: Actor, q: ListQuery): Promise<Page<PostSummary>> {
    const home = await this.departments.findById(actor.departmentId);
    const [rows, total] = await this.repo.posts.list({
      userId: actor.userId,
      editorDepartmentId: home && coversPath(actor, home.path, ['editor']) ? home.id : null,
      reviewPaths: scopePaths(actor, ['reviewer', 'approver']),
      status: q.status,
      mine: q.mine,
      q: q.q,
      page: q.page,
      pageSize: q.pageSize,
    });
    const channels = await this.repo.posts.targetChannels(rows.map((r) => r.id));
    return {
      items: rows.map((r) => toPostSummary(r, channels.get(r.id) ?? [])),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(actor: Actor, id: number): Promise<Post> {
    const post = await this.access.readable(actor, id);
    const store = this.repo.posts;
    const [variants, steps, publications, signatures] = await Promise.all([
      store.variants(id),
      store.steps(id, post.reviewRound),
      this.repo.publications.ofPost(id),
      this.access.signatures(post),
    ]);
    const attachments = await this.repo.attachments(jsonList<number>(post.attachmentIds));
    return {
      ...toPostSummary(
        post,
        variants.map((v) => v.channel),
      ),
      body: post.body,
      forwardOf: post.forwardOf,
      tags: jsonList<string>(post.tags),
      urgentReason: post.urgentReason,
      round: post.reviewRound,
      variants: variants.map(toVariant),
      attachments: attachments.map(toAttachment),
      reviewSteps: post.reviewRound === 0 ? [] : steps.map((s) => toReviewStep(s, post.reviewLevels)),
      publications: publications.map(toPostPublication),
      permissions: permissionsFor(actor, factsOf(post), signatures),
    };
  }

  async history(actor: Actor, id: number): Promise<PostHistory> {
    const post = await this.access.readable(actor, id);
    const store = this.repo.posts;
    const [versions, events, steps] = await Promise.all([
      store.versions(id),
      store.events(id),
      store.steps(id),
    ]);
    return {
      versions: versions.map(toPostVersion),
      timeline: events.map(toPostEvent),
      reviewSteps: steps.map((s) => toReviewStep(s, post.reviewLevels)),
    };
  }
}
