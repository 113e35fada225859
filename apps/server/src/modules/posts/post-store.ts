import { type Channel, type PostStatus } from '@sunlight/contracts';
import { Brackets, type EntityManager } from 'typeorm';
import {
  AccountEntity,
  ColumnEntity,
  PostEntity,
  PostEventEntity,
  PostVariantEntity,
  PostVersionEntity,
  ReviewStepEntity,
} from '../../database/entities';
import { engineOf } from '../../database/data-source';
import { subtreeClause } from '../../database/scope-filter';

/** Who may see which posts, as the list query needs it (the rules behind it: post-rules.ts mayView). */
export interface PostVisibility {
  userId: number;
  /** Set when the caller is an editor of their home department: its posts, drafts included. */
  editorDepartmentId: number | null;
  /** Subtrees where the caller reviews or approves: submitted posts there. */
  reviewPaths: readonly string[];
}

export interface PostListFilter extends PostVisibility {
  status?: PostStatus;
  mine?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export type PostFields = Omit<PostEntity, 'id' | 'createdAt' | 'updatedAt' | 'department' | 'author'>;
export type VariantFields = Omit<PostVariantEntity, 'id' | 'post' | 'account' | 'column'>;

/** The SQL of posts, their variants, versions, timeline and review steps, on one EntityManager. */
export class PostStore {
  constructor(private readonly em: EntityManager) {}

  private withPeople() {
    return this.em
      .getRepository(PostEntity)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.department', 'd')
      .innerJoinAndSelect('p.author', 'u');
  }

  findById(id: number): Promise<PostEntity | null> {
    return this.withPeople().where('p.id = :id', { id }).getOne();
  }

  /** Locks the row for the rest of the transaction on MySQL (SQLite has one writer anyway). */
  async lock(id: number): Promise<void> {
    if (engineOf(this.em.connection) === 'sqlite') return;
    await this.em
      .getRepository(PostEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
  }

  list(f: PostListFilter): Promise<[PostEntity[], number]> {
    const qb = this.withPeople().where(
      new Brackets((w) => {
        w.where('p.author_id = :me', { me: f.userId });
        if (f.editorDepartmentId !== null)
          w.orWhere('p.department_id = :home', { home: f.editorDepartmentId });
        const scope = subtreeClause('d.path', f.reviewPaths, 'review');
        w.orWhere(`(p.status <> 'draft' AND ${scope.sql})`, scope.params);
      }),
    );
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.mine) qb.andWhere('p.author_id = :me', { me: f.userId });
    if (f.q) qb.andWhere('p.title LIKE :q', { q: `%${f.q.replace(/[%_\\]/g, '\\$&')}%` });
    return qb
      .orderBy('p.updatedAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
  }

  /** Posts awaiting review within these subtrees, oldest first; the rules decide which level is whose. */
  awaitingReview(paths: readonly string[]): Promise<PostEntity[]> {
    const scope = subtreeClause('d.path', paths);
    return this.withPeople()
      .where('p.status IN (:...statuses)', { statuses: ['submitted', 'in_review'] })
      .andWhere(scope.sql, scope.params)
      .orderBy('p.awaitingSince', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(500)
      .getMany();
  }

  async insert(fields: PostFields): Promise<number> {
    const repo = this.em.getRepository(PostEntity);
    return (await repo.save(repo.create(fields))).id;
  }

  /**
   * Applies the change only if the post is still as the caller read it: same version (nobody saved in
   * between) and same status and level (nobody else signed it meanwhile). False when stale.
   */
  async updateIf(
    id: number,
    expected: Pick<PostEntity, 'version' | 'status' | 'currentLevel'>,
    changes: Partial<PostFields>,
  ): Promise<boolean> {
    const result = await this.em
      .createQueryBuilder()
      .update(PostEntity)
      .set(changes)
      .where('id = :id AND version = :version AND status = :status AND current_level = :level', {
        id,
        version: expected.version,
        status: expected.status,
        level: expected.currentLevel,
      })
      .execute();
    return result.affected === 1;
  }

  variants(postId: number): Promise<PostVariantEntity[]> {
    return this.em
      .getRepository(PostVariantEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.account', 'a')
      .innerJoinAndSelect('a.department', 'ad')
      .leftJoinAndSelect('v.column', 'c')
      .where('v.post_id = :postId', { postId })
      .orderBy('v.id', 'ASC')
      .getMany();
  }

  /** Makes the variants exactly these: new targets added, dropped ones removed, the rest updated. */
  async replaceVariants(postId: number, rows: readonly VariantFields[]): Promise<void> {
    const repo = this.em.getRepository(PostVariantEntity);
    const existing = await repo.findBy({ postId });
    const keep = new Set(rows.map((r) => r.accountId));
    const gone = existing.filter((v) => !keep.has(v.accountId)).map((v) => v.id);
    if (gone.length) await repo.delete(gone);
    for (const row of rows) {
      const found = existing.find((v) => v.accountId === row.accountId);
      if (found) await repo.update(found.id, row);
      else await repo.insert(row);
    }
  }

  /** The channels of each post's targets, for a page of the list. */
  async targetChannels(postIds: readonly number[]): Promise<Map<number, Channel[]>> {
    const result = new Map<number, Channel[]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return result;
    const rows = await this.em
      .getRepository(PostVariantEntity)
      .createQueryBuilder('v')
      .select(['v.postId', 'v.channel'])
      .where('v.post_id IN (:...postIds)', { postIds })
      .orderBy('v.id', 'ASC')
      .getMany();
    for (const r of rows) result.get(r.postId)?.push(r.channel);
    return result;
  }

  async updateVariant(postId: number, accountId: number, changes: Partial<VariantFields>): Promise<void> {
    await this.em.getRepository(PostVariantEntity).update({ postId, accountId }, changes);
  }

  accounts(ids: readonly number[]): Promise<AccountEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.em
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.department', 'd')
      .where('a.id IN (:...ids)', { ids })
      .getMany();
  }

  /** Every column of the accounts, with its 责任部门 (whose editors may write to it on another's account). */
  columnsOf(accountIds: readonly number[]): Promise<ColumnEntity[]> {
    if (accountIds.length === 0) return Promise.resolve([]);
    return this.em
      .getRepository(ColumnEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.responsibleDepartment', 'rd')
      .where('c.account_id IN (:...accountIds)', { accountIds })
      .getMany();
  }

  async insertVersion(row: Omit<PostVersionEntity, 'id' | 'post' | 'author'>): Promise<void> {
    await this.em.getRepository(PostVersionEntity).insert(row);
  }

  versions(postId: number): Promise<PostVersionEntity[]> {
    return this.em
      .getRepository(PostVersionEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.author', 'u')
      .select(['v.id', 'v.version', 'v.at', 'v.changed', 'v.authorId', 'u.id', 'u.displayName'])
      .where('v.post_id = :postId', { postId })
      .orderBy('v.version', 'DESC')
      .getMany();
  }

  async insertEvent(row: Omit<PostEventEntity, 'id' | 'post'>): Promise<void> {
    await this.em.getRepository(PostEventEntity).insert(row);
  }

  events(postId: number): Promise<PostEventEntity[]> {
    return this.em
      .getRepository(PostEventEntity)
      .find({ where: { postId }, relations: { account: true }, order: { at: 'ASC', id: 'ASC' } });
  }

  async insertStep(row: Omit<ReviewStepEntity, 'id' | 'post' | 'reviewer'>): Promise<void> {
    await this.em.getRepository(ReviewStepEntity).insert(row);
  }

  /** Review steps with the reviewers' names; one round, or all of them. */
  steps(postId: number, round?: number): Promise<ReviewStepEntity[]> {
    const qb = this.em
      .getRepository(ReviewStepEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.reviewer', 'u')
      .where('s.post_id = :postId', { postId });
    if (round !== undefined) qb.andWhere('s.round = :round', { round });
    return qb.orderBy('s.at', 'ASC').addOrderBy('s.id', 'ASC').getMany();
  }

  /** Approvals of the current round of many posts at once (the review queue). */
  approvalsOf(postIds: readonly number[]): Promise<ReviewStepEntity[]> {
    if (postIds.length === 0) return Promise.resolve([]);
    return this.em
      .getRepository(ReviewStepEntity)
      .createQueryBuilder('s')
      .innerJoin(PostEntity, 'p', 'p.id = s.post_id AND p.review_round = s.round')
      .where('s.post_id IN (:...postIds)', { postIds })
      .andWhere("s.decision = 'approve'")
      .getMany();
  }
}
