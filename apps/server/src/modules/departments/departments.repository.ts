import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DepartmentEntity, UserEntity } from '../../database/entities';
import { whereInSubtrees } from '../../database/scope-filter';

@Injectable()
export class DepartmentsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private repo(em: EntityManager = this.ds.manager) {
    return em.getRepository(DepartmentEntity);
  }

  listInSubtrees(paths: readonly string[]): Promise<DepartmentEntity[]> {
    const qb = this.repo().createQueryBuilder('d');
    return whereInSubtrees(qb, 'd.path', paths).orderBy('d.path', 'ASC').getMany();
  }

  findById(id: number): Promise<DepartmentEntity | null> {
    return this.repo().findOneBy({ id });
  }

  findByIds(ids: readonly number[]): Promise<DepartmentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo().createQueryBuilder('d').where('d.id IN (:...ids)', { ids }).getMany();
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  siblingNamed(parentId: number | null, name: string): Promise<DepartmentEntity | null> {
    const qb = this.repo().createQueryBuilder('d').where('d.name = :name', { name });
    if (parentId === null) qb.andWhere('d.parent_id IS NULL');
    else qb.andWhere('d.parent_id = :parentId', { parentId });
    return qb.getOne();
  }

  /** Inserts a node and fills its path, which needs the generated id, in one transaction. */
  create(name: string, parent: DepartmentEntity | null): Promise<DepartmentEntity> {
    return this.ds.transaction(async (em) => {
      const saved = await this.repo(em).save(
        this.repo(em).create({
          name,
          parentId: parent?.id ?? null,
          path: '',
          depth: parent ? parent.depth + 1 : 0,
        }),
      );
      saved.path = `${parent?.path ?? '/'}${saved.id}/`;
      await this.repo(em).update(saved.id, { path: saved.path });
      return saved;
    });
  }

  update(
    id: number,
    changes: Partial<Pick<DepartmentEntity, 'name' | 'disabled' | 'reviewLevels'>>,
  ): Promise<unknown> {
    return this.repo().update(id, changes);
  }

  /** Re-roots a subtree: every path under the old prefix moves under the new one, atomically. */
  move(node: DepartmentEntity, newParent: DepartmentEntity): Promise<void> {
    return this.ds.transaction(async (em) => {
      const subtree = await whereInSubtrees(this.repo(em).createQueryBuilder('d'), 'd.path', [
        node.path,
      ]).getMany();
      const newPath = `${newParent.path}${node.id}/`;
      const depthDelta = newParent.depth + 1 - node.depth;
      for (const d of subtree) {
        d.path = newPath + d.path.slice(node.path.length);
        d.depth += depthDelta;
        if (d.id === node.id) d.parentId = newParent.id;
      }
      await this.repo(em).save(subtree);
    });
  }

  countEnabledChildren(id: number): Promise<number> {
    return this.repo().countBy({ parentId: id, disabled: false });
  }

  countEnabledUsers(departmentId: number): Promise<number> {
    return this.ds.getRepository(UserEntity).countBy({ departmentId, disabled: false });
  }
}
