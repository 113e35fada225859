import { Injectable } from '@nestjs/common';
import {
  accountReaderRoles,
  channelHasColumns,
  channelLabels,
  type CreateColumnRequest,
  describeQuota,
  type PortalColumn,
  type QuotaRule,
  type UpdateColumnRequest,
} from '@sunlight/contracts';
import { type Actor, coversPath } from '../../common/actor';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { type AccountEntity, type ColumnEntity, type DepartmentEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
import { DepartmentsRepository } from '../departments/departments.repository';
import { toPortalColumn } from './account.mapper';
import { AccountsService } from './accounts.service';
import { type ColumnFields, ColumnsRepository } from './columns.repository';

const quotaFields = (q: QuotaRule | null): Pick<ColumnFields, 'quotaPeriod' | 'quotaMin' | 'quotaMax'> => ({
  quotaPeriod: q?.period ?? null,
  quotaMin: q?.min ?? null,
  quotaMax: q?.max ?? null,
});

/** 栏目 of portal accounts and their update quotas (栏目更新达标率 counts against these). */
@Injectable()
export class ColumnsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly repo: ColumnsRepository,
    private readonly departments: DepartmentsRepository,
    private readonly audit: AuditService,
  ) {}

  /** All columns of an account in scope; of another's, those the caller's departments are responsible for. */
  async list(actor: Actor, accountId: number): Promise<PortalColumn[]> {
    const account = await this.accounts.readable(actor, accountId);
    const inScope = (path: string | undefined) => !!path && coversPath(actor, path, accountReaderRoles);
    const own = inScope(account.department?.path);
    return (await this.repo.listOf(account.id))
      .filter((c) => own || inScope(c.responsibleDepartment?.path))
      .map(toPortalColumn);
  }

  async create(actor: Actor, accountId: number, req: CreateColumnRequest): Promise<PortalColumn> {
    const account = withColumns(await this.accounts.administered(actor, accountId));
    await this.assertCodeFree(account, req.code);
    const quota = req.quota ?? null;
    const responsible = await this.responsible(actor, account, req.responsibleDepartmentId ?? null);
    const id = await this.repo.create(account.id, {
      code: req.code,
      name: req.name,
      ...quotaFields(quota),
      responsibleDepartmentId: responsible.id,
      disabled: false,
    });
    await this.record(
      actor,
      'column.create',
      id,
      `${account.name}：${req.name}（${req.code}），${describeQuota(quota)}，责任部门 ${responsible.name}`,
    );
    return toPortalColumn((await this.repo.findOf(account.id, id))!);
  }

  async update(actor: Actor, accountId: number, id: number, req: UpdateColumnRequest): Promise<PortalColumn> {
    const account = withColumns(await this.accounts.administered(actor, accountId));
    const column = await this.repo.findOf(account.id, id);
    if (!column) throw notFound('栏目', 'Column');
    if (req.code !== undefined && req.code !== column.code) await this.assertCodeFree(account, req.code, id);
    const { quota, disabled, responsibleDepartmentId, ...fields } = req;
    const responsible =
      responsibleDepartmentId === undefined
        ? undefined
        : await this.responsible(actor, account, responsibleDepartmentId);
    await this.repo.update(id, {
      ...fields,
      ...(quota === undefined ? {} : quotaFields(quota)),
      ...(responsible === undefined ? {} : { responsibleDepartmentId: responsible.id }),
      ...(disabled === undefined ? {} : { disabled }),
    });
    if (
      fields.code !== undefined ||
      fields.name !== undefined ||
      quota !== undefined ||
      responsible !== undefined
    )
      await this.record(
        actor,
        'column.update',
        id,
        `${account.name}：${describeChange(column, req, responsible?.name)}`,
      );
    if (disabled !== undefined && disabled !== column.disabled)
      await this.record(
        actor,
        disabled ? 'column.disable' : 'column.enable',
        id,
        `${account.name}：${column.name}`,
      );
    return toPortalColumn((await this.repo.findOf(account.id, id))!);
  }

  /**
   * 责任部门 to store: null follows the account's department (also when it is named explicitly, so moving
   * the account moves the column's responsibility with it); another one must lie within the caller's admin
   * scope and be in use. `name` is for the audit line.
   */
  private async responsible(
    actor: Actor,
    account: AccountEntity,
    departmentId: number | null,
  ): Promise<{ id: number | null; name: string }> {
    if (departmentId === null || departmentId === account.departmentId)
      return { id: null, name: account.department?.name ?? '' };
    const d: DepartmentEntity | null = await this.departments.findById(departmentId);
    if (!d) throw notFound('责任部门', 'Responsible department');
    if (!coversPath(actor, d.path, ['admin']))
      throw forbidden(
        `责任部门「${d.name}」不在您的管辖范围内，请选择您管理的部门`,
        'The responsible department is outside your scope',
      );
    if (d.disabled)
      throw conflict(
        `责任部门「${d.name}」已停用，请选择在用的部门`,
        'The responsible department is disabled',
      );
    return { id: d.id, name: d.name };
  }

  private async assertCodeFree(account: AccountEntity, code: string, exceptId?: number) {
    if (await this.repo.codeTaken(account.id, code, exceptId))
      throw conflict(`「${account.name}」已有代码为「${code}」的栏目`, `Column code ${code} is taken`);
  }

  private record(
    actor: Actor,
    action: 'column.create' | 'column.update' | 'column.disable' | 'column.enable',
    id: number,
    detail: string,
  ) {
    return this.audit.record({
      actor,
      action,
      result: 'success',
      targetType: 'column',
      targetId: id,
      detail,
    });
  }
}

function withColumns(account: AccountEntity): AccountEntity {
  if (!channelHasColumns[account.channel])
    throw conflict(
      `${channelLabels[account.channel]}账号没有栏目`,
      `${account.channel} accounts have no columns`,
    );
  return account;
}

function describeChange(before: ColumnEntity, req: UpdateColumnRequest, responsible?: string): string {
  const old = toPortalColumn(before);
  const parts = [`${old.name}（${old.code}）`];
  if (req.name !== undefined && req.name !== old.name) parts.push(`名称 → ${req.name}`);
  if (req.code !== undefined && req.code !== old.code) parts.push(`代码 → ${req.code}`);
  if (req.quota !== undefined)
    parts.push(`更新要求 ${describeQuota(old.quota)} → ${describeQuota(req.quota)}`);
  if (responsible !== undefined && responsible !== old.responsibleDepartmentName)
    parts.push(`责任部门 ${old.responsibleDepartmentName} → ${responsible}`);
  return parts.join('，');
}
