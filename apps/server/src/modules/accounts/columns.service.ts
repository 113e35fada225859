import { Injectable } from '@nestjs/common';
import {
  channelHasColumns,
  channelLabels,
  type CreateColumnRequest,
  describeQuota,
  type PortalColumn,
  type QuotaRule,
  type UpdateColumnRequest,
} from '@sunlight/contracts';
import { type Actor } from '../../common/actor';
import { conflict, notFound } from '../../common/app-error';
import { type AccountEntity, type ColumnEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
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
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, accountId: number): Promise<PortalColumn[]> {
    const account = await this.accounts.readable(actor, accountId);
    return (await this.repo.listOf(account.id)).map(toPortalColumn);
  }

  async create(actor: Actor, accountId: number, req: CreateColumnRequest): Promise<PortalColumn> {
    const account = withColumns(await this.accounts.administered(actor, accountId));
    await this.assertCodeFree(account, req.code);
    const quota = req.quota ?? null;
    const id = await this.repo.create(account.id, {
      code: req.code,
      name: req.name,
      ...quotaFields(quota),
      disabled: false,
    });
    await this.record(
      actor,
      'column.create',
      id,
      `${account.name}：${req.name}（${req.code}），${describeQuota(quota)}`,
    );
    return toPortalColumn((await this.repo.findOf(account.id, id))!);
  }

  async update(actor: Actor, accountId: number, id: number, req: UpdateColumnRequest): Promise<PortalColumn> {
    const account = withColumns(await this.accounts.administered(actor, accountId));
    const column = await this.repo.findOf(account.id, id);
    if (!column) throw notFound('栏目', 'Column');
    if (req.code !== undefined && req.code !== column.code) await this.assertCodeFree(account, req.code, id);
    const { quota, disabled, ...fields } = req;
    await this.repo.update(id, {
      ...fields,
      ...(quota === undefined ? {} : quotaFields(quota)),
      ...(disabled === undefined ? {} : { disabled }),
    });
    if (fields.code !== undefined || fields.name !== undefined || quota !== undefined)
      await this.record(actor, 'column.update', id, `${account.name}：${describeChange(column, req)}`);
    if (disabled !== undefined && disabled !== column.disabled)
      await this.record(
        actor,
        disabled ? 'column.disable' : 'column.enable',
        id,
        `${account.name}：${column.name}`,
      );
    return toPortalColumn((await this.repo.findOf(account.id, id))!);
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

function describeChange(before: ColumnEntity, req: UpdateColumnRequest): string {
  const old = toPortalColumn(before);
  const parts = [`${old.name}（${old.code}）`];
  if (req.name !== undefined && req.name !== old.name) parts.push(`名称 → ${req.name}`);
  if (req.code !== undefined && req.code !== old.code) parts.push(`代码 → ${req.code}`);
  if (req.quota !== undefined)
    parts.push(`更新要求 ${describeQuota(old.quota)} → ${describeQuota(req.quota)}`);
  return parts.join('，');
}
