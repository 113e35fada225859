import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Channel } from '@sunlight/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity, ColumnEntity, PublicationEntity } from '../../database/entities';
import { fromDbInstant, toDbInstant } from '../../database/instant';
import { subtreeClause } from '../../database/scope-filter';
import { chunked } from '../collection/collection-sql';
import { rollupsFollowAccountMove } from '../figures/figure-department-rollups';

export interface AccountListFilter {
  /** Path prefixes the caller may see; a department filter is already folded in. */
  paths: readonly string[];
  channel?: Channel;
  /**
   * Only enabled accounts with a failure on record or a token past `now`: those that can be 采集异常, for
   * the caller to judge with `accountFailing` (a list of thousands need not be read to show a few).
   */
  mayBeFailingAt?: Date;
}

/** What the matrix shows beside an account that lives in other tables. */
export interface AccountActivity {
  lastPublishedAt: Date | null;
  columnCount: number;
}

export type AccountFields = Pick<AccountEntity, 'departmentId' | 'channel' | 'name' | 'baseUrl' | 'settings'>;

/** The stored form of an account's credentials: sealed text plus the names of what is stored. */
export type SealedCredentials = Partial<
  Pick<AccountEntity, 'secrets' | 'secretKeys' | 'accessToken' | 'tokenExpiresAt' | 'authFailedAt'>
>;

@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private repo(em: EntityManager = this.ds.manager) {
    return em.getRepository(AccountEntity);
  }

  /**
   * Accounts of the given subtrees with their department, and accounts with a column one of the subtrees is
   * responsible for (责任部门: a 分局 keeps a column of the city portal updated): the scope is part of the query.
   */
  list(filter: AccountListFilter): Promise<AccountEntity[]> {
    const own = subtreeClause('d.path', filter.paths, 'own');
    const responsible = responsibleForColumn('a.id', filter.paths);
    const qb = this.repo()
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.department', 'd')
      .where(`(${own.sql} OR ${responsible.sql})`, { ...own.params, ...responsible.params });
    if (filter.channel) qb.andWhere('a.channel = :channel', { channel: filter.channel });
    if (filter.mayBeFailingAt)
      qb.andWhere('a.disabled = :off', { off: false }).andWhere(
        '(a.authFailedAt IS NOT NULL OR a.lastError IS NOT NULL OR a.tokenExpiresAt <= :now)',
        { now: toDbInstant(this.ds, filter.mayBeFailingAt) },
      );
    return qb.orderBy('d.path', 'ASC').addOrderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC').getMany();
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  /** Whether one of the subtrees is responsible for an enabled column of the account (责任部门). */
  async responsibleForColumnOf(id: number, paths: readonly string[]): Promise<boolean> {
    const responsible = responsibleForColumn('a.id', paths);
    const n = await this.repo()
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .andWhere(responsible.sql, responsible.params)
      .getCount();
    return n > 0;
  }

  findById(id: number): Promise<AccountEntity | null> {
    return this.repo()
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.department', 'd')
      .where('a.id = :id', { id })
      .getOne();
  }

  /**
   * Latest live publication and column count per account, in grouped queries of at most 500 accounts:
   * MariaDB reads the latest publication of each through the (account, status, published_at) index with a
   * loose scan, but turns a list of 1,000 ids or more into a table it joins instead, and then read every
   * publication of every account (1 s for 2,000 accounts and 1 M publications, on every account list).
   */
  async activity(ids: readonly number[]): Promise<Map<number, AccountActivity>> {
    const result = new Map<number, AccountActivity>(
      ids.map((id) => [id, { lastPublishedAt: null, columnCount: 0 }]),
    );
    for (const batch of chunked(ids)) {
      const [published, columns] = await Promise.all([
        this.ds
          .getRepository(PublicationEntity)
          .createQueryBuilder('p')
          .select('p.account_id', 'accountId')
          .addSelect('MAX(p.published_at)', 'last')
          .where('p.status = :status', { status: 'published' })
          .andWhere('p.account_id IN (:...batch)', { batch })
          .groupBy('p.account_id')
          .getRawMany<{ accountId: number | string; last: string | Date | null }>(),
        this.ds
          .getRepository(ColumnEntity)
          .createQueryBuilder('c')
          .select('c.account_id', 'accountId')
          .addSelect('COUNT(*)', 'n')
          .where('c.account_id IN (:...batch)', { batch })
          .andWhere('c.disabled = :disabled', { disabled: false })
          .groupBy('c.account_id')
          .getRawMany<{ accountId: number | string; n: number | string }>(),
      ]);
      for (const row of published) {
        const entry = result.get(Number(row.accountId));
        if (entry && row.last) entry.lastPublishedAt = fromDbInstant(row.last);
      }
      for (const row of columns) {
        const entry = result.get(Number(row.accountId));
        if (entry) entry.columnCount = Number(row.n);
      }
    }
    return result;
  }

  async nameTaken(departmentId: number, channel: Channel, name: string, exceptId?: number): Promise<boolean> {
    const qb = this.repo()
      .createQueryBuilder('a')
      .where('a.department_id = :departmentId AND a.channel = :channel AND a.name = :name', {
        departmentId,
        channel,
        name,
      });
    if (exceptId !== undefined) qb.andWhere('a.id <> :exceptId', { exceptId });
    return (await qb.getCount()) > 0;
  }

  /**
   * Inserts the account and stores its credentials in one transaction. Credentials are sealed for the
   * account's id, which only exists after the insert, hence the callback.
   */
  create(fields: AccountFields, seal: (id: number) => SealedCredentials): Promise<number> {
    return this.ds.transaction(async (em) => {
      const saved = await this.repo(em).save(this.repo(em).create({ ...fields, disabled: false }));
      const credentials = seal(saved.id);
      if (Object.keys(credentials).length) await this.repo(em).update(saved.id, credentials);
      return saved.id;
    });
  }

  /** A move to another department takes the account's figures along in the same transaction. */
  async update(
    id: number,
    changes: Partial<Pick<AccountEntity, 'departmentId' | 'name' | 'baseUrl' | 'settings' | 'disabled'>>,
  ): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await this.ds.transaction(async (tx) => {
      const before = await this.repo(tx).findOneByOrFail({ id });
      await this.repo(tx).update(id, changes);
      if (changes.departmentId !== undefined && changes.departmentId !== before.departmentId)
        await rollupsFollowAccountMove(tx, id, before.departmentId);
    });
  }

  async setCredentials(id: number, credentials: SealedCredentials): Promise<void> {
    if (Object.keys(credentials).length) await this.repo().update(id, credentials);
  }
}

/** "The account has an enabled column whose 责任部门 lies in one of these subtrees", as a condition. */
function responsibleForColumn(
  accountIdColumn: string,
  paths: readonly string[],
): { sql: string; params: Record<string, unknown> } {
  const scope = subtreeClause('rd.path', paths, 'resp');
  return {
    sql:
      'EXISTS (SELECT 1 FROM columns rc INNER JOIN departments rd ON rd.id = rc.responsible_department_id ' +
      `WHERE rc.account_id = ${accountIdColumn} AND rc.disabled = :respOff AND ${scope.sql})`,
    params: { ...scope.params, respOff: false },
  };
}
