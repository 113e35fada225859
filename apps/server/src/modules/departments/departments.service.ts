import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type CreateDepartmentRequest,
  type Department,
  type UpdateDepartmentRequest,
} from '@sunlight/contracts';
import { type Actor, coversPath, scopePaths } from '../../common/actor';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error';
import { type DepartmentEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
import { DepartmentsRepository } from './departments.repository';

export function toDepartment(d: DepartmentEntity): Department {
  return {
    id: d.id,
    name: d.name,
    parentId: d.parentId,
    disabled: d.disabled,
    depth: d.depth,
    reviewLevels: d.reviewLevels,
  };
}

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly repo: DepartmentsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every department in any subtree the actor holds a role over. */
  async list(actor: Actor): Promise<Department[]> {
    return (await this.repo.listInSubtrees(scopePaths(actor))).map(toDepartment);
  }

  /** A department the actor administers, or a 404 that does not reveal whether it exists elsewhere. */
  async administered(actor: Actor, id: number): Promise<DepartmentEntity> {
    const d = await this.repo.findById(id);
    if (!d || !coversPath(actor, d.path)) throw notFound('部门', 'Department');
    if (!coversPath(actor, d.path, ['admin']))
      throw forbidden('您不是该部门的系统管理员', 'Not an admin of this department');
    return d;
  }

  async create(actor: Actor, req: CreateDepartmentRequest): Promise<Department> {
    const parent = await this.administered(actor, req.parentId);
    if (parent.disabled)
      throw conflict('上级部门已停用，不能在其下新建部门', 'The parent department is disabled');
    await this.assertNameFree(parent.id, req.name);
    const created = await this.repo.create(req.name, parent);
    await this.audit.record({
      actor,
      action: 'department.create',
      result: 'success',
      targetType: 'department',
      targetId: created.id,
      detail: `${req.name}（上级：${parent.name}）`,
    });
    return toDepartment(created);
  }

  async update(actor: Actor, id: number, req: UpdateDepartmentRequest): Promise<Department> {
    const d = await this.administered(actor, id);
    if (req.name !== undefined && req.name !== d.name) {
      await this.assertNameFree(d.parentId, req.name);
      await this.repo.update(id, { name: req.name });
      await this.audit.record({
        actor,
        action: 'department.rename',
        result: 'success',
        targetType: 'department',
        targetId: id,
        detail: `${d.name} → ${req.name}`,
      });
    }
    if (req.parentId !== undefined && req.parentId !== d.parentId) await this.move(actor, d, req.parentId);
    if (req.disabled !== undefined && req.disabled !== d.disabled)
      await this.setDisabled(actor, d, req.disabled);
    if (req.reviewLevels !== undefined && req.reviewLevels !== d.reviewLevels) {
      await this.repo.update(id, { reviewLevels: req.reviewLevels });
      await this.audit.record({
        actor,
        action: 'department.review_levels',
        result: 'success',
        targetType: 'department',
        targetId: id,
        detail: `${d.name}：${d.reviewLevels} → ${req.reviewLevels} 级`,
      });
    }
    return toDepartment((await this.repo.findById(id))!);
  }

  private async move(actor: Actor, d: DepartmentEntity, parentId: number): Promise<void> {
    if (d.parentId === null) throw conflict('顶级单位不能移动', 'The root department cannot be moved');
    const parent = await this.administered(actor, parentId);
    if (parent.path.startsWith(d.path)) {
      throw new AppError(
        HttpStatus.CONFLICT,
        'DEPARTMENT_CYCLE',
        '不能把部门移到它自己或它的下级部门之下',
        'A department cannot be moved under itself or its own subtree',
      );
    }
    await this.assertNameFree(parent.id, d.name);
    await this.repo.move(d, parent);
    await this.audit.record({
      actor,
      action: 'department.move',
      result: 'success',
      targetType: 'department',
      targetId: d.id,
      detail: `${d.name} → ${parent.name}`,
    });
  }

  private async setDisabled(actor: Actor, d: DepartmentEntity, disabled: boolean): Promise<void> {
    if (disabled) {
      if (d.parentId === null) throw conflict('顶级单位不能停用', 'The root department cannot be disabled');
      if ((await this.repo.countEnabledChildren(d.id)) > 0)
        throw conflict('该部门下还有启用的下级部门，请先停用它们', 'Disable its sub-departments first');
      if ((await this.repo.countEnabledUsers(d.id)) > 0)
        throw conflict('该部门下还有启用的用户，请先停用或调走他们', 'Disable or move its users first');
    }
    await this.repo.update(d.id, { disabled });
    await this.audit.record({
      actor,
      action: disabled ? 'department.disable' : 'department.enable',
      result: 'success',
      targetType: 'department',
      targetId: d.id,
      detail: d.name,
    });
  }

  private async assertNameFree(parentId: number | null, name: string): Promise<void> {
    if (await this.repo.siblingNamed(parentId, name))
      throw conflict(`同一上级下已有名为「${name}」的部门`, `A sibling named ${name} exists`);
  }
}
