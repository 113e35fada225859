import {
  type Channel,
  type Department,
  type FigureQuery,
  type FigureResult,
  type PublicationKind,
  type QuotaPeriod,
} from '@sunlight/contracts';
import { expect } from 'vitest';
import { type CollectedPublication, type MetricSample } from '../../../src/channels/channel.interface';
import { AccountEntity, ColumnEntity, PublicationEntity } from '../../../src/database/entities';
import { CollectionRepository } from '../../../src/modules/collection/collection.repository';
import { FigureRollupJobs } from '../../../src/modules/figures/figure-rollup.jobs';
import { JobRunner } from '../../../src/modules/jobs/job-runner';
import { type ApiClient } from '../../support/api-client';
import { type TestApp } from '../../support/test-app';

/** An instant given in Beijing time, as people say when a post went out. */
export function beijing(dayTime: string): Date {
  return new Date(`${dayTime.replace(' ', 'T')}+08:00`);
}

/**
 * Writes the organisation and its publications the way the product does: departments through the API,
 * accounts and columns as rows (their settings do not matter to figures), publications and metric readings
 * through the collector's write path, which marks the rollup days to recompute.
 */
export class FiguresFixture {
  private readonly collected = new CollectionRepository();
  private nextExternal = 1;

  constructor(
    readonly t: TestApp,
    readonly admin: ApiClient,
  ) {}

  get rootId(): number {
    return this.admin.session!.user.departmentId;
  }

  async department(name: string, parentId = this.rootId): Promise<Department> {
    const res = await this.admin.post<Department>('/api/departments', { name, parentId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async account(
    departmentId: number,
    channel: Channel,
    name: string,
    options: { disabled?: boolean; createdAt?: Date } = {},
  ): Promise<AccountEntity> {
    const repo = this.t.ds.getRepository(AccountEntity);
    const saved = await repo.save(
      repo.create({
        departmentId,
        channel,
        name,
        baseUrl: 'https://example.gov.cn',
        settings: '{}',
        disabled: options.disabled ?? false,
      }),
    );
    if (options.createdAt) await repo.update(saved.id, { createdAt: options.createdAt });
    return saved;
  }

  async column(
    accountId: number,
    code: string,
    name: string,
    quota: { period: QuotaPeriod; min: number; max?: number } | null,
    responsibleDepartmentId: number | null = null,
  ): Promise<ColumnEntity> {
    const repo = this.t.ds.getRepository(ColumnEntity);
    return repo.save(
      repo.create({
        accountId,
        code,
        name,
        quotaPeriod: quota?.period ?? null,
        quotaMin: quota?.min ?? null,
        quotaMax: quota?.max ?? null,
        responsibleDepartmentId,
      }),
    );
  }

  /** Publications found on the account's timeline (new or changed), through the collector's upsert. */
  async collect(
    accountId: number,
    items: Array<Partial<CollectedPublication> & { publishedAt: Date; kind: PublicationKind }>,
  ): Promise<string[]> {
    const full = items.map((p) => ({
      externalId: p.externalId ?? `x${this.nextExternal++}`,
      title: p.title ?? '',
      text: p.text ?? '示范正文',
      url: p.url ?? null,
      ...p,
    }));
    await this.t.ds.transaction((tx) => this.collected.upsertPublications(tx, accountId, full, new Date()));
    return full.map((p) => p.externalId);
  }

  /** Metric readings taken at `at`, through the collector's write path. */
  async metrics(accountId: number, samples: MetricSample[], at = new Date()): Promise<void> {
    await this.t.ds.transaction((tx) => this.collected.storeMetricSamples(tx, accountId, samples, at));
  }

  /** A publication Sunlight has not (or not yet successfully) sent: never counted. */
  async unsent(accountId: number, status: 'queued' | 'failed', dueAt: Date): Promise<void> {
    await this.t.ds.getRepository(PublicationEntity).insert({
      accountId,
      kind: 'original',
      title: '未发出',
      text: '未发出的稿件',
      status,
      source: 'sunlight',
      dueAt,
      publishedAt: status === 'failed' ? dueAt : null,
    });
  }

  /** What the worker does: the tick queues the rollup job when days are marked, the drain runs it. */
  async rollUp(): Promise<void> {
    await this.t.app.get(FigureRollupJobs).enqueueIfDirty();
    await this.t.app.get(JobRunner).drain();
  }

  async figures(
    q: Partial<FigureQuery> & { from: string; to: string },
    as = this.admin,
  ): Promise<FigureResult> {
    const params = new URLSearchParams(
      Object.entries(q).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(',') : String(v)]),
    );
    const res = await as.get<FigureResult>(`/api/figures?${params.toString()}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }
}
