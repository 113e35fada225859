import { type AccountImportState, type HistoryImport } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobHandlers } from '../../src/modules/jobs/job-handlers';
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { onboard } from '../support/users';
import {
  addWeibo,
  type CollectionFixture,
  count,
  seedHistory,
  startCollectionFixture,
  storedPublications,
} from './support/collection-fixture';

describe.each(testEngines())('history import on %s', (engine) => {
  let f: CollectionFixture;
  let editor: ApiClient;
  beforeAll(async () => {
    f = await startCollectionFixture(engine, 'import-test');
    editor = (
      await onboard(f.t, f.admin, {
        username: 'import_editor',
        displayName: '信息员',
        departmentId: f.departmentId,
        roles: [{ role: 'editor', departmentId: f.departmentId }],
      })
    ).client;
  });
  afterAll(() => f?.close());

  /** Runs the next due job alone, as a worker's runner would. */
  async function runOneJob(): Promise<void> {
    const repo = f.t.app.get(JobsRepository);
    const now = f.t.clock.now();
    const [job] = await repo.claim('import-test', 1, now, 60_000);
    const handler = f.t.app.get(JobHandlers).get(job!.name)!;
    const prepared = await handler.prepare(job!);
    expect(await repo.complete(job!, 'import-test', now, (tx) => handler.run(job!, tx, prepared))).toBe(true);
  }

  const importState = async (client: ApiClient, id: number) => {
    const res = await client.get<AccountImportState>(`/api/accounts/${id}/import`);
    expect(res.status).toBe(200);
    return res.body.latest;
  };

  it('imports a Weibo history page by page, counting 原创 and 转发 as the platform tells them', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安导入');
    const history = await seedHistory(f, sandboxId, 450, { originalRatio: 0.3 });
    expect(await importState(f.admin, account.id)).toBeNull();

    const started = await f.admin.post<HistoryImport>(`/api/accounts/${account.id}/import`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', streamsTotal: 4, streamsDone: 0, pages: 0 });
    expect(started.body.requestedBy).toBe('admin');
    expect((await f.admin.post(`/api/accounts/${account.id}/import`)).status).toBe(409);
    expect(await count(f, `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'account.import'`)).toBe(1);

    // The first page of the timeline: progress shows while the chain goes on.
    await runOneJob();
    const first = await importState(editor, account.id);
    expect(first).toMatchObject({ status: 'running', pages: 1, publicationsRead: 100 });
    expect(first!.stored.original + first!.stored.forward).toBe(100);

    await f.drain();
    const done = await importState(editor, account.id);
    expect(done).toMatchObject({
      status: 'done',
      streamsDone: 4,
      publicationsRead: 450,
      stored: {
        original: history.originals,
        forward: history.forwards,
        unclassified: 0,
        interactions: history.comments,
      },
      lastError: null,
    });
    // At least 5 timeline pages and the comments at 100 a page (an empty last page closes a walk).
    expect(done!.pages).toBeGreaterThanOrEqual(5 + Math.ceil(history.comments / 100) + 2);
    expect(done!.finishedAt).not.toBeNull();
    expect(history.originals + history.forwards).toBe(450);
  });

  it('runs beside polling, and again, without storing anything twice', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安并行');
    const history = await seedHistory(f, sandboxId, 230);
    expect((await f.admin.post(`/api/accounts/${account.id}/import`)).status).toBe(202);
    // The account's first poll walks the same history at the same time.
    await f.poll(2);
    expect((await f.admin.post(`/api/accounts/${account.id}/import`)).status).toBe(202);
    await f.drain(2);
    expect(await storedPublications(f, account.id)).toHaveLength(230);
    expect(await count(f, 'SELECT COUNT(*) AS n FROM interactions WHERE account_id = ?', [account.id])).toBe(
      history.comments,
    );
    expect(await importState(f.admin, account.id)).toMatchObject({ status: 'done' });
  });

  it('is started by an admin of the account only, and fails when the credentials are refused', async () => {
    const { account, sandboxId } = await addWeibo(f, '平安失效');
    expect((await editor.post(`/api/accounts/${account.id}/import`)).status).toBe(403);
    expect((await f.admin.post(`/api/accounts/999999/import`)).status).toBe(404);
    await f.sandbox.ctl('POST', `/accounts/${sandboxId}/expire-tokens`);
    expect((await f.admin.post(`/api/accounts/${account.id}/import`)).status).toBe(202);
    await f.drain();
    const failed = await importState(f.admin, account.id);
    expect(failed!.status).toBe('failed');
    expect(failed!.lastError).toMatch(/渠道不接受当前凭据.*21327/);
  });
});
