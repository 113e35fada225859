import { type Department, type FigureCatalogueResponse, figureCodes } from '@sunlight/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountEntity } from '../../src/database/entities';
import { type ApiClient } from '../support/api-client';
import { testEngines } from '../support/engines';
import { startTestApp, type TestApp } from '../support/test-app';
import { onboard } from '../support/users';
import { beijing, FiguresFixture } from './support/figures-fixture';

describe.each(testEngines())('figures API on %s', (engine) => {
  let t: TestApp;
  let f: FiguresFixture;
  let east: Department;
  let west: Department;
  let eastWeibo: AccountEntity;
  let eastLeader: ApiClient;
  let auditor: ApiClient;
  const range = 'from=2025-03-01&to=2025-03-31';

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = new FiguresFixture(t, await t.as('admin'));
    east = await f.department('东城分局');
    west = await f.department('西城分局');
    eastWeibo = await f.account(east.id, 'weibo', '平安东城');
    const westWeibo = await f.account(west.id, 'weibo', '平安西城');
    await f.collect(eastWeibo.id, [{ kind: 'original', publishedAt: beijing('2025-03-02 10:00') }]);
    await f.collect(westWeibo.id, [
      { kind: 'original', publishedAt: beijing('2025-03-03 10:00') },
      { kind: 'forward', publishedAt: beijing('2025-03-04 10:00') },
    ]);
    await f.rollUp();
    const person = async (username: string, role: string, departmentId: number) =>
      (
        await onboard(t, f.admin, {
          username,
          displayName: username,
          departmentId,
          roles: [{ role, departmentId }],
        })
      ).client;
    eastLeader = await person('east_leader', 'leader', east.id);
    auditor = await person('city_auditor', 'auditor', f.rootId);
  });
  afterAll(() => t?.close());

  it('answers for the caller’s own subtree when no department is named', async () => {
    const res = await eastLeader.get<{ department: { id: number }; totals: { published: number } }>(
      `/api/figures?${range}&figures=published`,
    );
    expect(res.status).toBe(200);
    expect(res.body.department.id).toBe(east.id);
    expect(res.body.totals).toEqual({ published: 1 });
    const all = await f.figures({ from: '2025-03-01', to: '2025-03-31', figures: ['published'] as never });
    expect(all.totals).toEqual({ published: 3 });
  });

  it('refuses a department outside the caller’s scope, and the auditor altogether', async () => {
    for (const path of [
      `/api/figures?${range}&department=${west.id}`,
      `/api/figures/rows?${range}&figure=published&department=${west.id}`,
    ]) {
      const res = await eastLeader.get(path);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        code: 'FORBIDDEN',
        message: '您无权查看该部门的统计数据，请选择您管辖范围内的部门',
      });
    }
    expect((await auditor.get(`/api/figures?${range}`)).status).toBe(403);
    expect((await auditor.get('/api/figures/catalogue')).status).toBe(403);
  });

  it('explains bad queries in Chinese', async () => {
    const cases: Array<[string, RegExp]> = [
      ['from=2025-03-31&to=2025-03-01', /开始日期不能晚于结束日期/],
      [`${range}&by=department,month,channel`, /最多按两个维度分组/],
      [`${range}&figures=published,nonsense`, /提交的内容有误/],
      ['from=2025-13-01&to=2025-12-31', /提交的内容有误/],
      [`${range}&department=abc`, /提交的内容有误/],
    ];
    for (const [query, message] of cases) {
      const res = await f.admin.get<{ code: string; message: string }>(`/api/figures?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message, query).toMatch(message);
    }
    const rows = await f.admin.get(`/api/figures/rows?${range}&figure=published&pageSize=1000`);
    expect(rows.status).toBe(400);
  });

  it('serves the catalogue with every figure, its unit and rule', async () => {
    const res = await eastLeader.get<FigureCatalogueResponse>('/api/figures/catalogue');
    expect(res.status).toBe(200);
    expect(res.body.figures.map((x) => x.code)).toEqual([...figureCodes]);
    expect(res.body.figures.find((x) => x.code === 'originalRate')).toMatchObject({
      label: '原创率',
      unitLabel: '%',
      ratioOf: { numerator: 'original', denominator: 'published' },
    });
    expect(res.body.dimensions).toContainEqual({ code: 'department', label: '部门' });
    const doc = await t.client().get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/figures', '/api/figures/catalogue', '/api/figures/rows']),
    );
  });

  it('serves a cached answer until the rollups change', async () => {
    const ask = async () =>
      (await eastLeader.get<{ totals: { published: number } }>(`/api/figures?${range}&figures=published`))
        .body.totals.published;
    expect(await ask()).toBe(1);
    await f.collect(eastWeibo.id, [{ kind: 'original', publishedAt: beijing('2025-03-20 10:00') }]);
    // Collected but not rolled up yet: the rollups (and so the cached answer) still say 1.
    expect(await ask()).toBe(1);
    await f.rollUp();
    expect(await ask()).toBe(2);
  });
});
