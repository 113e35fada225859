import {
  type Account,
  type ColumnQuotaReport,
  type Department,
  type PortalColumn,
} from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionRepository } from '../../src/modules/collection/collection.repository';
import { FigureRollupJobs } from '../../src/modules/figures/figure-rollup.jobs';
import { FigureRollupService } from '../../src/modules/figures/figure-rollup.service';
import { JobRunner } from '../../src/modules/jobs/job-runner';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';
import { onboard, scopedUser } from '../support/users';
import { insertColumnPublication } from './support/column-publications';

/** Wednesday 2026-03-11, 12:00 in Shanghai: the week of 03-09 and the month of March are still running. */
const TODAY = new Date('2026-03-11T04:00:00.000Z');

describe.each(testEngines())('column quotas (栏目考核) on %s', (engine) => {
  let t: TestApp;
  let admin: ApiClient;
  let eastAdmin: ApiClient;
  let eastEditor: ApiClient;
  let westEditor: ApiClient;
  let city: number;
  let east: Department;
  let west: Department;
  let cityPortal: Account;
  let westPortal: Account;
  let eastPortal: Account;
  const col: Record<string, PortalColumn> = {};

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.clock.advance(TODAY.getTime() - t.clock.now().getTime());
    admin = await t.as('admin');
    city = admin.session!.user.departmentId;
    const dept = async (name: string) =>
      (await admin.post<Department>('/api/departments', { name, parentId: city })).body;
    east = await dept('东城分局');
    west = await dept('西城分局');
    eastAdmin = (await onboard(t, admin, scopedUser('east_admin', 'admin', east))).client;
    eastEditor = (await onboard(t, admin, scopedUser('east_editor', 'editor', east))).client;
    westEditor = (await onboard(t, admin, scopedUser('west_editor', 'editor', west))).client;
    const portal = async (departmentId: number, name: string) =>
      (
        await admin.post<Account>('/api/accounts', {
          departmentId,
          channel: 'portal',
          name,
          baseUrl: 'https://www.example.gov.cn',
        })
      ).body;
    cityPortal = await portal(city, '市局网站');
    westPortal = await portal(west.id, '西城网站');
    eastPortal = await portal(east.id, '东城网站');
  });
  afterAll(() => t?.close());

  it('gives a column the account’s department as 责任部门 unless another one in scope is chosen', async () => {
    const base = `/api/accounts/${cityPortal.id}/columns`;
    const jwdt = await admin.post<PortalColumn>(base, {
      code: 'jwdt',
      name: '警务动态',
      quota: { period: 'week', min: 1, max: null },
    });
    expect(jwdt.status, JSON.stringify(jwdt.body)).toBe(201);
    expect(jwdt.body).toMatchObject({
      responsibleDepartmentId: city,
      responsibleDepartmentName: '本单位',
      responsibleDepartmentSet: false,
    });
    col.jwdt = jwdt.body;
    const zcfg = await admin.post<PortalColumn>(base, {
      code: 'zcfg',
      name: '政策法规',
      quota: { period: 'week', min: 2, max: null },
      responsibleDepartmentId: east.id,
    });
    expect(zcfg.body).toMatchObject({
      responsibleDepartmentId: east.id,
      responsibleDepartmentName: '东城分局',
      responsibleDepartmentSet: true,
    });
    col.zcfg = zcfg.body;
    col.xcdt = (
      await admin.post<PortalColumn>(`/api/accounts/${westPortal.id}/columns`, {
        code: 'xcdt',
        name: '西城动态',
        quota: { period: 'month', min: 2, max: 3 },
      })
    ).body;
    await admin.post(base, { code: 'tzgg', name: '通知公告' });
    const list = await eastEditor.get<PortalColumn[]>(`/api/accounts/${eastPortal.id}/columns`);
    expect(list.status).toBe(200);
  });

  it('refuses a 责任部门 outside the caller’s scope, a disabled one and an unknown one', async () => {
    const base = `/api/accounts/${eastPortal.id}/columns`;
    const foreign = await eastAdmin.post<{ message: string }>(base, {
      code: 'dcdt',
      name: '东城动态',
      responsibleDepartmentId: west.id,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain('不在您的管辖范围内');
    const own = await eastAdmin.post<PortalColumn>(base, {
      code: 'dcdt',
      name: '东城动态',
      responsibleDepartmentId: east.id,
    });
    expect(own.status).toBe(201);
    // Naming the account's own department keeps the column following the account.
    expect(own.body).toMatchObject({ responsibleDepartmentId: east.id, responsibleDepartmentSet: false });
    const moved = await eastAdmin.patch(`${base}/${own.body.id}`, { responsibleDepartmentId: west.id });
    expect(moved.status).toBe(403);
    const retired = (await admin.post<Department>('/api/departments', { name: '撤并科室', parentId: city }))
      .body;
    await admin.patch(`/api/departments/${retired.id}`, { disabled: true });
    const disabled = await admin.patch<{ message: string }>(
      `/api/accounts/${cityPortal.id}/columns/${col.jwdt!.id}`,
      { responsibleDepartmentId: retired.id },
    );
    expect(disabled.status).toBe(409);
    expect(disabled.body.message).toContain('已停用');
    const unknown = await admin.patch(`/api/accounts/${cityPortal.id}/columns/${col.jwdt!.id}`, {
      responsibleDepartmentId: 999999,
    });
    expect(unknown.status).toBe(404);
  });

  it('changes the 责任部门 and puts it back to the account’s department', async () => {
    const path = `/api/accounts/${cityPortal.id}/columns/${col.jwdt!.id}`;
    const toWest = await admin.patch<PortalColumn>(path, { responsibleDepartmentId: west.id });
    expect(toWest.body).toMatchObject({
      responsibleDepartmentName: '西城分局',
      responsibleDepartmentSet: true,
    });
    const back = await admin.patch<PortalColumn>(path, { responsibleDepartmentId: null });
    expect(back.body).toMatchObject({ responsibleDepartmentId: city, responsibleDepartmentSet: false });
    const columns = await admin.get<PortalColumn[]>(`/api/accounts/${cityPortal.id}/columns`);
    expect(columns.body.map((c) => [c.code, c.responsibleDepartmentName])).toEqual([
      ['jwdt', '本单位'],
      ['tzgg', '本单位'],
      ['zcfg', '东城分局'],
    ]);
  });

  it('reports done vs target per period with the outcome judged on today’s Shanghai date', async () => {
    const publish = (c: PortalColumn, at: string, status: 'published' | 'failed' = 'published') =>
      insertColumnPublication(t.ds, c, at, status);
    await publish(col.jwdt!, '2026-03-01T15:59:59.000Z'); // Sunday 03-01 23:59:59: week of 02-23
    await publish(col.jwdt!, '2026-03-01T16:00:00.000Z'); // Monday 03-02 00:00: week of 03-02
    await publish(col.jwdt!, '2026-03-06T02:00:00.000Z');
    await publish(col.jwdt!, '2026-03-10T02:00:00.000Z', 'failed');
    await publish(col.zcfg!, '2026-03-05T01:00:00.000Z');
    await publish(col.zcfg!, '2026-03-08T16:30:00.000Z'); // Monday 03-09 00:30
    for (const day of ['02', '03', '05', '10']) await publish(col.xcdt!, `2026-03-${day}T03:00:00.000Z`);
    await publish(col.xcdt!, '2026-02-27T03:00:00.000Z'); // February: starts before the range
    // The page counts from the rollups; rows written around the product are rolled up as an operator
    // would after such a write (rebuild-figures).
    await t.app.get(FigureRollupService).rebuild('2026-02-01', '2026-03-31');

    const res = await admin.get<ColumnQuotaReport>('/api/column-quotas?from=2026-02-23&to=2026-03-31');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.today).toBe('2026-03-11');
    const rows = Object.fromEntries(res.body.rows.map((r) => [r.columnCode, r]));
    expect(Object.keys(rows)).toEqual(['jwdt', 'zcfg', 'xcdt']);
    const cells = (code: string) => rows[code]!.periods.map((p) => [p.start, p.end, p.done, p.outcome]);
    // Weeks starting from 02-23; the week of 03-16 has not begun on 03-11 and is not assessed.
    expect(cells('jwdt')).toEqual([
      ['2026-02-23', '2026-03-01', 1, 'met'],
      ['2026-03-02', '2026-03-08', 2, 'met'],
      ['2026-03-09', '2026-03-15', 0, 'behind'],
    ]);
    expect(cells('zcfg')).toEqual([
      ['2026-02-23', '2026-03-01', 0, 'missed'],
      ['2026-03-02', '2026-03-08', 1, 'missed'],
      ['2026-03-09', '2026-03-15', 1, 'behind'],
    ]);
    expect(cells('xcdt')).toEqual([['2026-03-01', '2026-03-31', 4, 'met']]);
    expect(rows.xcdt!.periods[0]!.overMax).toBe(true);
    expect(rows.jwdt!.periods.some((p) => p.overMax)).toBe(false);
    expect(rows.zcfg).toMatchObject({
      columnName: '政策法规',
      accountName: '市局网站',
      responsibleDepartmentName: '东城分局',
      ruleText: '每周至少2条',
      rule: { period: 'week', min: 2, max: null },
    });
    expect(rows.xcdt!.ruleText).toBe('每月2–3条');
  });

  it('counts a publication the collector takes in once the worker’s rollup job has run', async () => {
    const done = async () => {
      const res = await admin.get<ColumnQuotaReport>('/api/column-quotas?from=2026-03-09&to=2026-03-15');
      return res.body.rows.find((r) => r.columnCode === 'jwdt')!.periods[0]!;
    };
    expect(await done()).toMatchObject({ done: 0, outcome: 'behind' });
    await t.ds.transaction((tx) =>
      new CollectionRepository().upsertPublications(
        tx,
        cityPortal.id,
        [
          {
            externalId: 'jwdt-collected',
            kind: 'original',
            title: '警务动态',
            text: '正文',
            url: null,
            publishedAt: new Date('2026-03-10T01:00:00.000Z'),
            columnCode: 'jwdt',
          },
        ],
        TODAY,
      ),
    );
    // Not counted until the rollup job has run: the page and the dashboard change together.
    expect((await done()).done).toBe(0);
    expect(await t.app.get(FigureRollupJobs).enqueueIfDirty()).toBe(true);
    await t.app.get(JobRunner).drain();
    expect(await done()).toMatchObject({ done: 1, outcome: 'met' });
  });

  it('shows each 分局 the columns of its accounts and those it is responsible for', async () => {
    const codes = async (c: ApiClient, query = '') => {
      const res = await c.get<ColumnQuotaReport>(`/api/column-quotas?from=2026-03-01&to=2026-03-11${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.rows.map((r) => r.columnCode);
    };
    expect(await codes(eastEditor)).toEqual(['zcfg']);
    expect(await codes(westEditor)).toEqual(['xcdt']);
    expect(await codes(admin, `&department=${east.id}`)).toEqual(['zcfg']);
    expect(await codes(admin, '&period=month')).toEqual(['xcdt']);
    expect(
      (await eastEditor.get(`/api/column-quotas?from=2026-03-01&to=2026-03-11&department=${west.id}`)).status,
    ).toBe(403);
  });

  it('answers a backward or overlong range and a reader without the role in Chinese', async () => {
    const backward = await admin.get<{ message: string }>('/api/column-quotas?from=2026-03-11&to=2026-03-01');
    expect(backward.status).toBe(400);
    expect(backward.body.message).toContain('开始日期不能晚于结束日期');
    const long = await admin.get<{ message: string }>('/api/column-quotas?from=2020-01-01&to=2026-03-01');
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('日期范围不超过');
    expect((await admin.get('/api/column-quotas?from=2026-03-01')).status).toBe(400);
    const { client: auditor } = await onboard(t, admin, {
      username: 'quota_auditor',
      displayName: '审计员',
      departmentId: city,
      roles: [{ role: 'auditor', departmentId: city }],
    });
    expect((await auditor.get('/api/column-quotas?from=2026-03-01&to=2026-03-11')).status).toBe(403);
  });
});
