import { Injectable } from '@nestjs/common';
import { type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { type PostEntity, type PostVariantEntity } from '../../database/entities';
import { PostAccess, staleVersion } from './post-access';
import { PostGateService } from './post-gate.service';
import { type JournalEntry, PostJournal } from './post-journal';
import { afterEdit, gateVerdict } from './post-rules';
import { changedFields, snapshotOf } from './post-snapshot';
import { type PostFields, type VariantFields } from './post-store';
import { PostsRepository } from './posts.repository';
import { ScheduleService } from './schedule.service';

export interface PostEdit {
  /** The version the editor started from. */
  version: number;
  fields: Partial<PostFields>;
  /** The complete new set of variants from the post as edited and its current variants; undefined leaves them. */
  variants?: (post: PostEntity, current: PostVariantEntity[]) => VariantFields[] | Promise<VariantFields[]>;
}

/**
 * Saves an edit (autosave included) as one transaction: the change, a new version with its full snapshot,
 * the timeline entry, and — for an approved or scheduled post — the way back to review with its queued
 * publications cancelled by id. A save that changes nothing writes nothing.
 */
@Injectable()
export class PostEditor {
  constructor(
    private readonly repo: PostsRepository,
    private readonly access: PostAccess,
    private readonly gate: PostGateService,
    private readonly schedule: ScheduleService,
    private readonly journal: PostJournal,
    private readonly clock: Clock,
  ) {}

  async commit(actor: Actor, id: number, edit: PostEdit): Promise<void> {
    const now = this.clock.now();
    const entries = await this.repo.transaction(async (tx): Promise<JournalEntry[]> => {
      await tx.posts.lock(id);
      const post = await this.access.readable(actor, id, tx.posts);
      if (post.version !== edit.version) throw staleVersion();
      await this.access.assert('edit', actor, post, tx.posts);

      const beforeVariants = await tx.posts.variants(id);
      const next = { ...post, ...edit.fields };
      if (edit.variants) await tx.posts.replaceVariants(id, await edit.variants(next, beforeVariants));
      const afterVariants = edit.variants ? await tx.posts.variants(id) : beforeVariants;
      const after = snapshotOf(next, afterVariants);
      const changed = changedFields(snapshotOf(post, beforeVariants), after);
      if (changed.length === 0) return [];

      let review: Partial<PostFields> = {};
      let status = afterEdit(post.status, true);
      if (post.status === 'approved' || post.status === 'scheduled') {
        const passes = gateVerdict('submit', await this.gate.check(next, afterVariants)).ok;
        status = afterEdit(post.status, passes);
        await this.schedule.withdrawQueued(tx, post);
        review =
          status === 'submitted'
            ? {
                reviewRound: post.reviewRound + 1,
                reviewLevels: post.department?.reviewLevels ?? post.reviewLevels,
                currentLevel: 1,
                awaitingSince: now,
              }
            : { currentLevel: 0, awaitingSince: null };
      }
      const version = post.version + 1;
      if (!(await tx.posts.updateIf(id, post, { ...edit.fields, ...review, status, version })))
        throw staleVersion();
      await tx.posts.insertVersion({
        postId: id,
        version,
        authorId: actor.userId,
        at: now,
        changed: changed.join(',').slice(0, 500),
        snapshot: JSON.stringify(after),
      });
      const entry = await this.journal.record(tx.posts, actor, now, {
        postId: id,
        action: status === 'submitted' && post.status !== 'submitted' ? 'returned_to_review' : 'update',
        from: post.status,
        to: status,
        detail: `第 ${version} 版：${changed.join('、')}`,
      });
      return [entry];
    });
    await this.journal.publish(actor, entries);
  }
}
