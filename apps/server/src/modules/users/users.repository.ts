import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RoleGrant } from '@sunlight/contracts';
import { DataSource } from 'typeorm';
import { UserEntity, UserRoleEntity } from '../../database/entities';
import { whereInSubtrees } from '../../database/scope-filter';

export interface UserPageQuery {
  /** Path prefixes the caller may see; the department filter is already folded in. */
  paths: string[];
  q?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private withGrants() {
    return this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.department', 'd')
      .leftJoinAndSelect('u.roles', 'r')
      .leftJoinAndSelect('r.department', 'rd');
  }

  /** Users whose home department lies in the given subtrees: the scope is part of the query. */
  async page(q: UserPageQuery): Promise<[UserEntity[], number]> {
    const ids = this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .innerJoin('u.department', 'd');
    whereInSubtrees(ids, 'd.path', q.paths);
    if (q.q) ids.andWhere('(u.username LIKE :q OR u.display_name LIKE :q)', { q: `%${q.q}%` });
    const total = await ids.getCount();
    const pageIds = (
      await ids
        .orderBy('u.id', 'ASC')
        .offset((q.page - 1) * q.pageSize)
        .limit(q.pageSize)
        .getRawMany<{ id: number }>()
    ).map((r) => Number(r.id));
    if (pageIds.length === 0) return [[], total];
    const users = await this.withGrants()
      .where('u.id IN (:...pageIds)', { pageIds })
      .orderBy('u.id', 'ASC')
      .getMany();
    return [users, total];
  }

  findById(id: number): Promise<UserEntity | null> {
    return this.withGrants().where('u.id = :id', { id }).getOne();
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.withGrants().where('u.username = :username', { username }).getOne();
  }

  async usernameTaken(username: string): Promise<boolean> {
    return (await this.ds.getRepository(UserEntity).countBy({ username })) > 0;
  }

  async create(
    user: Pick<
      UserEntity,
      'username' | 'displayName' | 'departmentId' | 'passwordHash' | 'mustChangePassword'
    >,
    grants: RoleGrant[],
  ): Promise<number> {
    return this.ds.transaction(async (em) => {
      const saved = await em
        .getRepository(UserEntity)
        .save(em.getRepository(UserEntity).create({ ...user, disabled: false, lastLoginAt: null }));
      if (grants.length)
        await em.getRepository(UserRoleEntity).insert(grants.map((g) => ({ ...g, userId: saved.id })));
      return saved.id;
    });
  }

  /** Replaces fields and, when given, the whole set of grants, in one transaction. */
  async update(
    id: number,
    changes: Partial<
      Pick<
        UserEntity,
        'displayName' | 'departmentId' | 'disabled' | 'passwordHash' | 'mustChangePassword' | 'lastLoginAt'
      >
    >,
    grants?: RoleGrant[],
  ): Promise<void> {
    await this.ds.transaction(async (em) => {
      if (Object.keys(changes).length) await em.getRepository(UserEntity).update(id, changes);
      if (grants) {
        await em.getRepository(UserRoleEntity).delete({ userId: id });
        if (grants.length)
          await em.getRepository(UserRoleEntity).insert(grants.map((g) => ({ ...g, userId: id })));
      }
    });
  }
}
