import { HttpStatus, Injectable } from '@nestjs/common';
import {
  accountFailing,
  type Account,
  accountReaderRoles,
  type AccountListQuery,
  channelFieldIssues,
  channelLabels,
  channels,
  channelUsesUserToken,
  type CreateAccountRequest,
  type SetCredentialsRequest,
  type UpdateAccountRequest,
} from '@sunlight/contracts';
import { type Actor, coversPath, scopePaths } from '../../common/actor';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { type AccountEntity } from '../../database/entities';
import { AuditService } from '../audit/audit.service';
import { DepartmentsRepository } from '../departments/departments.repository';
import { DepartmentsService } from '../departments/departments.service';
import { AccountCredentials, type CredentialChange, credentialChangeOf } from './account-credentials';
import { toAccount } from './account.mapper';
import { AccountsRepository } from './accounts.repository';

@Injectable()
export class AccountsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly credentials: AccountCredentials,
    private readonly departments: DepartmentsService,
    private readonly departmentsRepo: DepartmentsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The matrix of the caller's subtrees, ordered by department, channel and name (the web groups it). */
  async list(actor: Actor, q: AccountListQuery): Promise<Account[]> {
    let paths = scopePaths(actor, accountReaderRoles);
    if (q.department !== undefined) {
      const d = await this.departmentsRepo.findById(q.department);
      if (!d || !coversPath(actor, d.path, accountReaderRoles))
        throw forbidden('您无权查看该部门的账号', 'Department outside your scope');
      paths = [d.path];
    }
    const failing = q.health === 'failing';
    const rows = await this.repo.list({
      paths,
      channel: q.channel,
      ...(failing ? { mayBeFailingAt: this.clock.now() } : {}),
    });
    const presented = await this.present(rows);
    const accounts = failing ? presented.filter(accountFailing) : presented;
    const order = (a: Account) => channels.indexOf(a.channel);
    const path = new Map(rows.map((r) => [r.id, r.department?.path ?? '']));
    return accounts.sort(
      (a, b) =>
        path.get(a.id)!.localeCompare(path.get(b.id)!) ||
        order(a) - order(b) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
  }

  async get(actor: Actor, id: number): Promise<Account> {
    return (await this.present([await this.readable(actor, id)]))[0]!;
  }

  async create(actor: Actor, req: CreateAccountRequest): Promise<Account> {
    const department = await this.departments.administered(actor, req.departmentId);
    if (department.disabled) throw conflict('该部门已停用，不能在其下添加账号', 'The department is disabled');
    await this.assertNameFree(department.id, req.channel, req.name);
    const id = await this.repo.create(
      {
        departmentId: department.id,
        channel: req.channel,
        name: req.name,
        baseUrl: req.baseUrl,
        settings: JSON.stringify(req.settings ?? {}),
      },
      (newId) => (req.secrets ? this.credentials.sealNew(newId, req.channel, { secrets: req.secrets }) : {}),
    );
    await this.audit.record({
      actor,
      action: 'account.create',
      result: 'success',
      targetType: 'account',
      targetId: id,
      detail: `${req.name}（${channelLabels[req.channel]}，${department.name}）${secretNote(req.secrets)}`,
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, req: UpdateAccountRequest): Promise<Account> {
    const account = await this.administered(actor, id);
    if (req.settings !== undefined) assertChannelFields(account, req.settings, undefined);
    if (req.departmentId !== undefined && req.departmentId !== account.departmentId) {
      const target = await this.departments.administered(actor, req.departmentId);
      if (target.disabled) throw conflict('目标部门已停用', 'The department is disabled');
    }
    if (req.name !== undefined || req.departmentId !== undefined)
      await this.assertNameFree(
        req.departmentId ?? account.departmentId,
        account.channel,
        req.name ?? account.name,
        id,
      );
    const { disabled, settings, ...fields } = req;
    await this.repo.update(id, {
      ...fields,
      ...(settings === undefined ? {} : { settings: JSON.stringify(settings) }),
      ...(disabled === undefined ? {} : { disabled }),
    });
    if (
      fields.name !== undefined ||
      fields.baseUrl !== undefined ||
      fields.departmentId !== undefined ||
      settings
    )
      await this.audit.record({
        actor,
        action: 'account.update',
        result: 'success',
        targetType: 'account',
        targetId: id,
        detail: `${account.name}：${JSON.stringify({ ...fields, settings })}`,
      });
    if (disabled !== undefined && disabled !== account.disabled)
      await this.audit.record({
        actor,
        action: disabled ? 'account.disable' : 'account.enable',
        result: 'success',
        targetType: 'account',
        targetId: id,
        detail: account.name,
      });
    return this.get(actor, id);
  }

  async setCredentials(actor: Actor, id: number, req: SetCredentialsRequest): Promise<Account> {
    const account = await this.administered(actor, id);
    assertChannelFields(account, undefined, {
      ...req.secrets,
      ...Object.fromEntries((req.clear ?? []).map((k) => [k, ''])),
    });
    if (
      (req.accessToken !== undefined || req.tokenExpiresAt !== undefined) &&
      !channelUsesUserToken[account.channel]
    )
      throw validationError('accessToken', `${channelLabels[account.channel]}账号不使用手工填写的访问令牌`);
    await this.storeCredentials(actor, account, credentialChangeOf(req), describeChange(req));
    return this.get(actor, id);
  }

  /** Seals and stores a credential change and audits it by the names of what changed, never the values. */
  async storeCredentials(actor: Actor, account: AccountEntity, change: CredentialChange, what: string) {
    await this.repo.setCredentials(account.id, this.credentials.apply(account, change));
    await this.audit.record({
      actor,
      action: 'account.credentials_set',
      result: 'success',
      targetType: 'account',
      targetId: account.id,
      detail: `${account.name}：${what}`,
    });
  }

  /**
   * An account within the caller's reading scope, or one with a column their department is responsible for
   * (责任部门). Another department's account is refused with 403, not hidden behind a 404, so the attempt
   * lands in the audit log as 越权访问.
   */
  async readable(actor: Actor, id: number): Promise<AccountEntity> {
    const a = await this.repo.findById(id);
    if (!a?.department) throw notFound('账号', 'Account');
    if (
      !coversPath(actor, a.department.path, accountReaderRoles) &&
      !(await this.repo.responsibleForColumnOf(id, scopePaths(actor, accountReaderRoles)))
    )
      throw forbidden('该账号不在您的管辖范围内', 'Account outside your scope');
    return a;
  }

  /** An account the caller administers: 403 outside their admin scope, even where they may read it. */
  async administered(actor: Actor, id: number): Promise<AccountEntity> {
    const a = await this.repo.findById(id);
    if (!a?.department) throw notFound('账号', 'Account');
    if (!coversPath(actor, a.department.path, ['admin']))
      throw forbidden('您不是该账号所属部门的系统管理员', 'Not an admin of this account’s department');
    return a;
  }

  private async present(rows: AccountEntity[]): Promise<Account[]> {
    const activity = await this.repo.activity(rows.map((r) => r.id));
    const now = this.clock.now();
    return rows.map((r) => toAccount(r, activity.get(r.id)!, this.credentials.secretsSet(r), now));
  }

  private async assertNameFree(
    departmentId: number,
    channel: AccountEntity['channel'],
    name: string,
    exceptId?: number,
  ) {
    if (await this.repo.nameTaken(departmentId, channel, name, exceptId))
      throw conflict(
        `该部门已有名为「${name}」的${channelLabels[channel]}账号`,
        `The department already has a ${channel} account named ${name}`,
      );
  }
}

function validationError(path: string, message: string): AppError {
  return invalid([{ path, message }]);
}

function assertChannelFields(
  a: AccountEntity,
  settings: unknown,
  secrets: Record<string, unknown> | undefined,
) {
  const issues = channelFieldIssues(a.channel, settings, secrets);
  if (issues.length) throw invalid(issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

/** The same answer the validation pipe gives, for checks that need the stored account's channel. */
function invalid(issues: { path: string; message: string }[]): AppError {
  return new AppError(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `提交的内容有误：${issues.map((i) => `${i.path}：${i.message}`).join('；')}`,
    `Invalid input: ${issues.map((i) => i.path).join(', ')}`,
    issues,
  );
}

function secretNote(secrets: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(secrets ?? {});
  return keys.length ? `，已设置凭据：${keys.join('、')}` : '';
}

/** What a credential change did, by name only: the audit log never holds a secret. */
function describeChange(req: SetCredentialsRequest): string {
  const parts: string[] = [];
  const set = Object.keys(req.secrets ?? {});
  if (set.length) parts.push(`设置 ${set.join('、')}`);
  if (req.clear?.length) parts.push(`清除 ${req.clear.join('、')}`);
  if (req.accessToken === null) parts.push('清除访问令牌');
  else if (req.accessToken !== undefined) parts.push('更新访问令牌');
  else if (req.tokenExpiresAt !== undefined) parts.push('更新令牌有效期');
  return parts.join('；');
}
