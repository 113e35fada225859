import { Injectable } from '@nestjs/common';
import {
  type CreatePostFields,
  type Post,
  type RegenerateVariantsRequest,
  type UpdatePostRequest,
  type UpdateVariantRequest,
} from '@sunlight/contracts';
import { type Actor, coversPath } from '../../common/actor';
import { forbidden, notFound } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { type PostEntity, type PostVariantEntity } from '../../database/entities';
import { DepartmentsRepository } from '../departments/departments.repository';
import { PostAccess } from './post-access';
import { PostDetails } from './post-details.service';
import { PostEditor } from './post-editor.service';
import { PostInputs } from './post-inputs';
import { PostJournal } from './post-journal';
import { snapshotOf } from './post-snapshot';
import { type PostFields } from './post-store';
import { jsonList } from './post.mapper';
import { PostsRepository } from './posts.repository';
import { type PostTarget, variantRows } from './variant-rows';
import { type VariantSource } from './variants';

/** 稿件: drafting, autosave and the per-channel variants. */
@Injectable()
export class PostsService {
  constructor(
    private readonly repo: PostsRepository,
    private readonly inputs: PostInputs,
    private readonly editor: PostEditor,
    private readonly access: PostAccess,
    private readonly details: PostDetails,
    private readonly departments: DepartmentsRepository,
    private readonly journal: PostJournal,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, req: CreatePostFields): Promise<Post> {
    const home = await this.departments.findById(actor.departmentId);
    if (!home || !coversPath(actor, home.path, ['editor']))
      throw forbidden('只有本部门的信息员可以撰写稿件', 'Only an editor of your department may write posts');
    const body = this.inputs.body(req.body);
    const targets = await this.inputs.targets(actor, req.targets);
    const attachments = await this.inputs.attachments(actor, req.attachmentIds);
    const now = this.clock.now();
    const fields: PostFields = {
      departmentId: home.id,
      authorId: actor.userId,
      title: req.title,
      body,
      kind: req.kind,
      forwardOf: req.forwardOf,
      classification: req.classification,
      tags: JSON.stringify(req.tags),
      attachmentIds: JSON.stringify(req.attachmentIds),
      status: 'draft',
      reviewLevels: home.reviewLevels,
      currentLevel: 0,
      reviewRound: 0,
      awaitingSince: null,
      urgent: req.urgent,
      urgentReason: req.urgentReason,
      scheduledAt: req.scheduledAt ? new Date(req.scheduledAt) : null,
      version: 1,
    };
    const source = { ...fields, author: home.name, attachments: attachments.map(kindOf) };
    const [id, entry] = await this.repo.transaction(async (tx) => {
      const postId = await tx.posts.insert(fields);
      await tx.posts.replaceVariants(postId, variantRows(postId, targets, source, []));
      await tx.posts.insertVersion({
        postId,
        version: 1,
        authorId: actor.userId,
        at: now,
        changed: 'created',
        snapshot: JSON.stringify(snapshotOf(fields, await tx.posts.variants(postId))),
      });
      const created = await this.journal.record(tx.posts, actor, now, {
        postId,
        action: 'create',
        from: null,
        to: 'draft',
        detail: req.title,
      });
      return [postId, created] as const;
    });
    await this.journal.publish(actor, [entry]);
    return this.details.get(actor, id);
  }

  /** Autosave and edits. Variants follow the body unless changed by hand; targets may be added or dropped. */
  async update(actor: Actor, id: number, req: UpdatePostRequest): Promise<Post> {
    const post = await this.access.readable(actor, id);
    const { version, targets: targetInput, tags, attachmentIds, scheduledAt, body, ...plain } = req;
    const fields: Partial<PostFields> = { ...plain };
    if (body !== undefined) fields.body = this.inputs.body(body);
    if (tags !== undefined) fields.tags = JSON.stringify(tags);
    if (scheduledAt !== undefined) fields.scheduledAt = scheduledAt ? new Date(scheduledAt) : null;
    const attachments =
      attachmentIds !== undefined
        ? await this.inputs.attachments(actor, attachmentIds)
        : await this.repo.attachments(jsonList<number>(post.attachmentIds));
    if (attachmentIds !== undefined) fields.attachmentIds = JSON.stringify(attachmentIds);
    const targets =
      targetInput !== undefined
        ? await this.inputs.targets(
            actor,
            targetInput.map((t) => ({ accountId: t.accountId, columnId: t.columnId ?? null })),
          )
        : undefined;
    const contentChanged = ['title', 'body', 'kind'].some((k) => k in fields) || attachmentIds !== undefined;
    await this.editor.commit(actor, id, {
      version,
      fields,
      variants:
        targets || contentChanged
          ? (next, current) => this.variantsFor(next, current, targets, attachments.map(kindOf), false)
          : undefined,
    });
    return this.details.get(actor, id);
  }

  /** 重新生成: the variants from the body again; hand-edited ones too when asked. */
  async regenerate(actor: Actor, id: number, req: RegenerateVariantsRequest): Promise<Post> {
    const post = await this.access.readable(actor, id);
    const attachments = await this.repo.attachments(jsonList<number>(post.attachmentIds));
    await this.editor.commit(actor, id, {
      version: req.version,
      fields: {},
      variants: (next, current) =>
        this.variantsFor(next, current, undefined, attachments.map(kindOf), req.overwriteEdited ?? false),
    });
    return this.details.get(actor, id);
  }

  /** An edit of one channel variant by hand; it is then kept when the body changes. */
  async updateVariant(actor: Actor, id: number, accountId: number, req: UpdateVariantRequest): Promise<Post> {
    await this.access.readable(actor, id);
    const { version, imageIds, attachmentIds, columnId, ...text } = req;
    if (imageIds || attachmentIds || req.coverId)
      await this.inputs.attachments(actor, [
        ...(imageIds ?? []),
        ...(attachmentIds ?? []),
        ...(req.coverId ? [req.coverId] : []),
      ]);
    if (!(await this.repo.posts.variants(id)).some((v) => v.accountId === accountId))
      throw notFound('该稿件的渠道版本', 'Variant');
    if (columnId !== undefined) await this.inputs.targets(actor, [{ accountId, columnId }]);
    await this.editor.commit(actor, id, {
      version,
      fields: {},
      variants: (_, current) =>
        current.map((v) => {
          const { id: _id, post: _p, account: _a, column: _c, ...row } = v;
          if (v.accountId !== accountId) return row;
          return {
            ...row,
            ...text,
            ...(columnId !== undefined ? { columnId } : {}),
            ...(imageIds ? { imageIds: JSON.stringify(imageIds) } : {}),
            ...(attachmentIds ? { attachmentIds: JSON.stringify(attachmentIds) } : {}),
            edited: true,
          };
        }),
    });
    return this.details.get(actor, id);
  }

  /** The variants of the post as it will be: for the given targets, or the current ones. */
  private variantsFor(
    next: PostEntity,
    existing: PostVariantEntity[],
    targets: PostTarget[] | undefined,
    attachments: VariantSource['attachments'],
    overwriteEdited: boolean,
  ) {
    const current: PostTarget[] =
      targets ?? existing.map((v) => ({ account: v.account!, column: v.column ?? null }));
    const source: VariantSource = { ...next, author: next.department?.name ?? '', attachments };
    return variantRows(next.id, current, source, existing, overwriteEdited);
  }
}

const kindOf = (a: { id: number; mime: string }) => ({
  id: a.id,
  kind: a.mime.startsWith('image/') ? ('image' as const) : ('document' as const),
});
