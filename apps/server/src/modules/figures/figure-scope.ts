import { Injectable } from '@nestjs/common';
import { accountReaderRoles } from '@sunlight/contracts';
import { type Actor, coversPath, scopePaths } from '../../common/actor';
import { forbidden } from '../../common/app-error';
import { DepartmentsRepository } from '../departments/departments.repository';

/** Who reads figures: every role that works with content or figures; the auditor reads the audit log only. */
export const figureReaderRoles = accountReaderRoles;

export interface FigureRoot {
  id: number;
  name: string;
  path: string;
}

/** The department a figures request is about, checked against the caller's scope (分级负责). */
@Injectable()
export class FigureScope {
  constructor(private readonly departments: DepartmentsRepository) {}

  /** The department asked for, or the caller's own top department: the highest subtree they may read. */
  async root(actor: Actor, departmentId: number | undefined): Promise<FigureRoot> {
    const id = departmentId ?? this.topDepartment(actor);
    const d = id === undefined ? null : await this.departments.findById(id);
    if (!d || !coversPath(actor, d.path, figureReaderRoles))
      throw forbidden(
        '您无权查看该部门的统计数据，请选择您管辖范围内的部门',
        'Department outside your scope: choose one within it',
      );
    return { id: d.id, name: d.name, path: d.path };
  }

  /** The caller's scope as path prefixes, for cache keys. */
  paths(actor: Actor): string[] {
    return scopePaths(actor, figureReaderRoles);
  }

  private topDepartment(actor: Actor): number | undefined {
    const grants = actor.grants.filter((g) => (figureReaderRoles as readonly string[]).includes(g.role));
    return grants.sort((a, b) => a.path.length - b.path.length)[0]?.departmentId;
  }
}
