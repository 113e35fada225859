import { HttpStatus, Injectable } from '@nestjs/common';
import {
  conflictingRoles,
  type CreateUserRequest,
  type CreateUserResponse,
  type Page,
  type ResetPasswordResponse,
  roleLabels,
  type RoleGrant,
  type UpdateUserRequest,
  type User,
  type UserListQuery,
} from '@sunlight/contracts';
import { type Actor, coversPath, scopePaths } from '../../common/actor';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error';
import { assertPasswordPolicy, generatePassword, hashPassword } from '../../common/passwords';
import { type UserEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
import { DepartmentsRepository } from '../departments/departments.repository';
import { DepartmentsService } from '../departments/departments.service';
import { SessionsService } from '../sessions/sessions.service';
import { toUser } from './user.mapper';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly repo: UsersRepository,
    private readonly departments: DepartmentsService,
    private readonly departmentsRepo: DepartmentsRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /** Users in the caller's subtrees; asking for a department outside them is refused, not emptied. */
  async list(actor: Actor, q: UserListQuery): Promise<Page<User>> {
    let paths = scopePaths(actor);
    if (q.department !== undefined) {
      const d = await this.departmentsRepo.findById(q.department);
      if (!d || !coversPath(actor, d.path))
        throw forbidden('您无权查看该部门的用户', 'Department outside your scope');
      paths = [d.path];
    }
    const [rows, total] = await this.repo.page({ paths, q: q.q, page: q.page, pageSize: q.pageSize });
    return { items: rows.map(toUser), total, page: q.page, pageSize: q.pageSize };
  }

  async create(actor: Actor, req: CreateUserRequest): Promise<CreateUserResponse> {
    const home = await this.departments.administered(actor, req.departmentId);
    if (home.disabled) throw conflict('该部门已停用，不能在其下新建用户', 'The department is disabled');
    await this.assertGrantable(actor, req.roles);
    if (await this.repo.usernameTaken(req.username))
      throw conflict(`用户名「${req.username}」已被使用`, 'Username taken');
    const temporaryPassword = req.temporaryPassword ?? generatePassword();
    assertPasswordPolicy(temporaryPassword, req.username);
    const id = await this.repo.create(
      {
        username: req.username,
        displayName: req.displayName,
        departmentId: home.id,
        passwordHash: await hashPassword(temporaryPassword),
        mustChangePassword: true,
      },
      req.roles,
    );
    await this.audit.record({
      actor,
      action: 'user.create',
      result: 'success',
      targetType: 'user',
      targetId: id,
      detail: `${req.username}：${await this.describeGrants(req.roles)}`,
    });
    return { user: toUser((await this.repo.findById(id))!), temporaryPassword };
  }

  async update(actor: Actor, id: number, req: UpdateUserRequest): Promise<User> {
    const user = await this.administeredUser(actor, id);
    if (req.departmentId !== undefined && req.departmentId !== user.departmentId)
      await this.departments.administered(actor, req.departmentId);
    if (req.roles) await this.assertGrantable(actor, req.roles);
    if (
      user.id === actor.userId &&
      (req.disabled === true || (req.roles && !req.roles.some((g) => g.role === 'admin')))
    ) {
      throw conflict(
        '不能停用自己或取消自己的系统管理员角色',
        'You cannot disable yourself or drop your own admin role',
      );
    }
    const { roles, ...fields } = req;
    await this.repo.update(id, fields, roles);
    const rolesChanged = roles !== undefined && grantsKey(roles) !== grantsKey(user.roles ?? []);
    if (rolesChanged || req.disabled === true) await this.sessions.closeAllOf(id);
    if (rolesChanged)
      await this.audit.record({
        actor,
        action: 'user.roles_changed',
        result: 'success',
        targetType: 'user',
        targetId: id,
        detail: `${user.username}：${await this.describeGrants(user.roles ?? [])} → ${await this.describeGrants(roles)}`,
      });
    if (req.disabled !== undefined && req.disabled !== user.disabled) {
      await this.audit.record({
        actor,
        action: req.disabled ? 'user.disable' : 'user.enable',
        result: 'success',
        targetType: 'user',
        targetId: id,
        detail: user.username,
      });
    }
    if (req.displayName !== undefined || req.departmentId !== undefined) {
      await this.audit.record({
        actor,
        action: 'user.update',
        result: 'success',
        targetType: 'user',
        targetId: id,
        detail: JSON.stringify({ displayName: req.displayName, departmentId: req.departmentId }),
      });
    }
    return toUser((await this.repo.findById(id))!);
  }

  async resetPassword(actor: Actor, id: number): Promise<ResetPasswordResponse> {
    const user = await this.administeredUser(actor, id);
    const temporaryPassword = generatePassword();
    await this.repo.update(id, {
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
    });
    await this.sessions.closeAllOf(id);
    await this.audit.record({
      actor,
      action: 'user.password_reset',
      result: 'success',
      targetType: 'user',
      targetId: id,
      detail: user.username,
    });
    return { temporaryPassword };
  }

  private async administeredUser(actor: Actor, id: number): Promise<UserEntity> {
    const user = await this.repo.findById(id);
    if (!user?.department || !coversPath(actor, user.department.path)) throw notFound('用户', 'User');
    if (!coversPath(actor, user.department.path, ['admin']))
      throw forbidden('您不是该用户所在部门的系统管理员', 'Not an admin of this user’s department');
    return user;
  }

  /** 三员分立, and no granting of scope the admin does not hold. */
  private async assertGrantable(actor: Actor, grants: RoleGrant[]): Promise<void> {
    const conflictPair = conflictingRoles(grants.map((g) => g.role));
    if (conflictPair) {
      throw new AppError(
        HttpStatus.CONFLICT,
        'ROLE_CONFLICT',
        `${roleLabels[conflictPair[0]]}与${roleLabels[conflictPair[1]]}不能由同一账号担任（三员分立）`,
        `${conflictPair[0]} and ${conflictPair[1]} cannot be held by one account`,
      );
    }
    const depts = await this.departmentsRepo.findByIds([...new Set(grants.map((g) => g.departmentId))]);
    for (const g of grants) {
      const d = depts.find((x) => x.id === g.departmentId);
      if (!d || !coversPath(actor, d.path, ['admin']))
        throw forbidden(
          '只能在您管理的部门范围内授予角色',
          'You can only grant roles within departments you administer',
        );
      if (d.disabled) throw conflict(`部门「${d.name}」已停用，不能授予其范围的角色`, 'Department disabled');
    }
  }

  /** Grants as the auditor reads them: 信息员（东城分局）、初审（宣传处）. */
  private async describeGrants(
    grants: ReadonlyArray<Pick<RoleGrant, 'role' | 'departmentId'>>,
  ): Promise<string> {
    if (grants.length === 0) return '无角色';
    const ids = [...new Set(grants.map((g) => g.departmentId))];
    const names = new Map((await this.departmentsRepo.findByIds(ids)).map((d) => [d.id, d.name]));
    return grants
      .map((g) => `${roleLabels[g.role]}（${names.get(g.departmentId) ?? `#${g.departmentId}`}）`)
      .sort()
      .join('、');
  }
}

/** Grants compared as a set, whatever their order. */
function grantsKey(grants: ReadonlyArray<Pick<RoleGrant, 'role' | 'departmentId'>>): string {
  return grants
    .map((g) => `${g.role}@${g.departmentId}`)
    .sort()
    .join(',');
}
