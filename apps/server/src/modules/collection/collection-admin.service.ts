// What people do with collection: start a history import (历史导入) and follow it, and 立即采集.
import { Injectable } from '@nestjs/common';
import {
  type AccountImportState,
  accountReaderRoles,
  type CollectNowResponse,
  type HistoryImport,
  type Role,
} from '@sunlight/contracts';
import { type Actor, coversPath } from '../../common/actor';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { type AccountEntity, type HistoryImportEntity } from '../../database/entities';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditService } from '../audit/audit.service';
import { JobsRepository } from '../jobs/jobs.repository';
import { importPageJob } from './collection-job-specs';
import { CollectionSchedule } from './collection-schedule.service';
import { CollectionStateRepository } from './collection-state.repository';
import { CollectionService } from './collection.service';
import { HistoryImportRepository } from './history-import.repository';

@Injectable()
export class CollectionAdminService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly imports: HistoryImportRepository,
    private readonly state: CollectionStateRepository,
    private readonly service: CollectionService,
    private readonly schedule: CollectionSchedule,
    private readonly jobs: JobsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Walks every stream of the account from the platform's oldest item to its newest, as a chain of page
   * jobs. Rows already stored are matched by external id, so an import after polling (or a second one)
   * adds only what is missing. One run at a time per account.
   */
  async startImport(actor: Actor, accountId: number): Promise<HistoryImport> {
    const account = await this.account(actor, accountId, ['admin']);
    if (account.disabled) throw conflict('账号已停用，不能导入历史', 'The account is disabled');
    if (await this.imports.hasRunning(accountId))
      throw conflict('该账号的历史导入正在进行，请等待完成', 'An import of this account is already running');
    const streams = this.service.importStreamsOf(account);
    const now = this.clock.now();
    const id = await this.imports.start(
      { accountId, streamsTotal: streams.length, requestedBy: actor.username.slice(0, 64), startedAt: now },
      (tx, importId) =>
        this.jobs.enqueue(
          streams.map((stream) => importPageJob({ importId, accountId, stream, cursor: null }, now)),
          now,
          tx,
        ),
    );
    await this.audit.record({
      actor,
      action: 'account.import',
      result: 'success',
      targetType: 'account',
      targetId: accountId,
      detail: `${account.name}：导入历史（${streams.join('、')}）`,
    });
    return this.present((await this.imports.byId(id))!);
  }

  async importState(actor: Actor, accountId: number): Promise<AccountImportState> {
    await this.account(actor, accountId, accountReaderRoles);
    const latest = await this.imports.latest(accountId);
    return { latest: latest ? await this.present(latest) : null };
  }

  /** Lifts the account's backoff and queues all its streams now: how a person resumes after fixing a fault. */
  async collectNow(actor: Actor, accountId: number): Promise<CollectNowResponse> {
    const account = await this.account(actor, accountId, ['admin']);
    if (account.disabled) throw conflict('账号已停用，不能采集', 'The account is disabled');
    const now = this.clock.now();
    await this.state.clearBackoff(accountId);
    await this.jobs.enqueue(this.schedule.allStreamJobs(account, now), now);
    await this.audit.record({
      actor,
      action: 'account.collect_now',
      result: 'success',
      targetType: 'account',
      targetId: accountId,
      detail: account.name,
    });
    return { streams: [...this.service.streamsOf(account)] };
  }

  /** The account, if the caller holds one of `roles` over its department (403 outside, as the matrix does). */
  private async account(actor: Actor, id: number, roles: readonly Role[]): Promise<AccountEntity> {
    const a = await this.accounts.findById(id);
    if (!a?.department) throw notFound('账号', 'Account');
    if (!coversPath(actor, a.department.path, roles))
      throw forbidden('该账号不在您的管辖范围内', 'Account outside your scope');
    return a;
  }

  private async present(r: HistoryImportEntity): Promise<HistoryImport> {
    const stored = await this.imports.storedCounts(r.accountId);
    return {
      id: r.id,
      accountId: r.accountId,
      status: r.status,
      streamsTotal: r.streamsTotal,
      streamsDone: r.streamsDone,
      pages: r.pages,
      publicationsRead: r.publicationsRead,
      interactionsRead: r.interactionsRead,
      stored: { ...stored.byKind, interactions: stored.interactions },
      lastError: r.lastError,
      requestedBy: r.requestedBy,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  }
}
