import { type PublicationStatus } from '@sunlight/contracts';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountEntity, ColumnEntity, type DepartmentEntity } from '../../src/database/entities';
import {
  type ColumnDayCount,
  ColumnQuotasRepository,
} from '../../src/modules/column-quotas/column-quotas.repository';
import { DepartmentsRepository } from '../../src/modules/departments/departments.repository';
import { FigureRollupRepository } from '../../src/modules/figures/figure-rollup.repository';
import { FigureRollupService } from '../../src/modules/figures/figure-rollup.service';
import { migratedDataSource, testEngines } from '../support/engines';
import { insertColumnPublication } from './support/column-publications';

// A hand-made fixture: the city portal with four columns (one 责任部门 东城), 西城's own portal with one,
// and publications placed on both sides of Asia/Shanghai midnight. The counts come from the rollups, so
// the rows written here around the product are rolled up the way an operator would after such a write
// (rebuild-figures). Expected numbers are written by hand.
describe.each(testEngines())('column quota counting on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof migratedDataSource>>;
  let repo: ColumnQuotasRepository;
  let city: DepartmentEntity;
  let east: DepartmentEntity;
  let west: DepartmentEntity;
  const col: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await migratedDataSource(engine);
    const ds: DataSource = ctx.ds;
    repo = new ColumnQuotasRepository(ds);
    const departments = new DepartmentsRepository(ds);
    city = await departments.create('示范市公安局', null);
    east = await departments.create('东城分局', city);
    west = await departments.create('西城分局', city);
    const account = async (departmentId: number, channel: 'portal' | 'weibo', name: string) =>
      (
        await ds.getRepository(AccountEntity).save({
          departmentId,
          channel,
          name,
          baseUrl: 'https://example.gov.cn',
          settings: '{}',
          disabled: false,
        })
      ).id;
    const cityPortal = await account(city.id, 'portal', '市局网站');
    const westPortal = await account(west.id, 'portal', '西城网站');
    await account(east.id, 'weibo', '东城公安');
    const column = async (
      accountId: number,
      code: string,
      quota: [ColumnEntity['quotaPeriod'], number | null, number | null],
      over: Partial<ColumnEntity> = {},
    ) => {
      const saved = await ds.getRepository(ColumnEntity).save({
        accountId,
        code,
        name: code,
        quotaPeriod: quota[0],
        quotaMin: quota[1],
        quotaMax: quota[2],
        responsibleDepartmentId: null,
        disabled: false,
        ...over,
      });
      col[code] = saved.id;
    };
    await column(cityPortal, 'jwdt', ['week', 1, null]);
    await column(cityPortal, 'zcfg', ['week', 2, null], { responsibleDepartmentId: east.id });
    await column(cityPortal, 'tzgg', [null, null, null]);
    await column(cityPortal, 'old', ['month', 1, null], { disabled: true });
    await column(westPortal, 'xcdt', ['month', 2, 3]);

    const publish = (code: string, at: string, status: PublicationStatus = 'published') =>
      insertColumnPublication(
        ds,
        { accountId: code === 'xcdt' ? westPortal : cityPortal, id: col[code]! },
        at,
        status,
      );
    await publish('jwdt', '2026-02-28T15:59:59.000Z'); // 02-28 23:59:59 in Shanghai: before the range
    await publish('jwdt', '2026-02-28T16:00:00.000Z'); // 03-01 00:00:00
    await publish('jwdt', '2026-03-01T15:59:59.999Z'); // 03-01 23:59:59.999
    await publish('jwdt', '2026-03-01T16:00:00.000Z'); // 03-02 00:00
    await publish('jwdt', '2026-03-02T02:00:00.000Z'); // 03-02 10:00
    await publish('jwdt', '2026-03-02T03:00:00.000Z', 'failed');
    await publish('jwdt', '2026-03-02T04:00:00.000Z', 'queued');
    await publish('zcfg', '2026-03-05T01:00:00.000Z'); // 03-05 09:00
    await publish('zcfg', '2026-03-08T16:30:00.000Z'); // 03-09 00:30: after the range
    await publish('tzgg', '2026-03-03T01:00:00.000Z');
    await publish('xcdt', '2026-03-03T08:00:00.000Z');
    await publish('xcdt', '2026-03-31T15:59:00.000Z'); // 03-31 23:59
    await publish('xcdt', '2026-03-31T16:00:00.000Z'); // 04-01 00:00
    await new FigureRollupService(new FigureRollupRepository(ds)).rebuild('2026-02-01', '2026-04-30');
  });
  afterAll(() => ctx?.close());

  const weekly = (code: string) => ({ id: col[code]!, period: 'week' as const });
  // In no particular order: by column (made in the order jwdt, zcfg, xcdt), then day.
  const inOrder = (counts: ColumnDayCount[]) =>
    [...counts].sort((a, b) => a.columnId - b.columnId || a.day.localeCompare(b.day));

  it('counts published publications per column and Shanghai day, within the days asked', async () => {
    const counts = await repo.countPublishedPerColumn(
      [weekly('jwdt'), weekly('zcfg'), weekly('xcdt')],
      '2026-03-01',
      '2026-03-08',
    );
    expect(inOrder(counts)).toEqual([
      { columnId: col.jwdt, day: '2026-03-01', count: 2 },
      { columnId: col.jwdt, day: '2026-03-02', count: 2 },
      { columnId: col.zcfg, day: '2026-03-05', count: 1 },
      { columnId: col.xcdt, day: '2026-03-03', count: 1 },
    ]);
  });

  it('reaches the last day in full and counts only the columns named', async () => {
    const counts = await repo.countPublishedPerColumn([weekly('zcfg')], '2026-03-09', '2026-03-09');
    expect(counts).toEqual([{ columnId: col.zcfg, day: '2026-03-09', count: 1 }]);
    expect(await repo.countPublishedPerColumn([], '2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('counts a monthly or quarterly column per Shanghai month, dated the month’s first day', async () => {
    const counts = await repo.countPublishedPerColumn(
      [
        { id: col.xcdt!, period: 'month' },
        { id: col.jwdt!, period: 'quarter' },
      ],
      '2026-02-01',
      '2026-04-30',
    );
    expect(inOrder(counts)).toEqual([
      { columnId: col.jwdt, day: '2026-02-01', count: 1 }, // 02-28 23:59:59
      { columnId: col.jwdt, day: '2026-03-01', count: 4 },
      { columnId: col.xcdt, day: '2026-03-01', count: 2 }, // 03-31 23:59 still March
      { columnId: col.xcdt, day: '2026-04-01', count: 1 },
    ]);
  });

  it('finds the assessed columns whose account or 责任部门 lies in the subtrees, as plain rows', async () => {
    const codes = async (paths: string[], period?: 'month') =>
      (await repo.quotaColumns({ paths, via: 'either', period })).map((c) => c.code);
    expect(await codes([city.path])).toEqual(['jwdt', 'zcfg', 'xcdt']);
    expect(await codes([east.path])).toEqual(['zcfg']);
    expect(await codes([west.path])).toEqual(['xcdt']);
    expect(await codes([east.path, west.path])).toEqual(['zcfg', 'xcdt']);
    expect(await codes([city.path], 'month')).toEqual(['xcdt']);
    expect(await codes([])).toEqual([]);
    const [zcfg] = await repo.quotaColumns({ paths: [east.path], via: 'either' });
    expect(zcfg).toEqual({
      id: col.zcfg,
      code: 'zcfg',
      name: 'zcfg',
      accountId: zcfg!.accountId,
      accountName: '市局网站',
      rule: { period: 'week', min: 2, max: null },
      responsibleDepartmentId: east.id,
      responsibleDepartmentName: '东城分局',
    });
    const [xcdt] = await repo.quotaColumns({ paths: [west.path], via: 'either' });
    expect(xcdt).toMatchObject({
      rule: { period: 'month', min: 2, max: 3 },
      responsibleDepartmentId: west.id,
      responsibleDepartmentName: '西城分局',
    });
  });

  it('credits a column to its 责任部门 alone when asked, or to one department itself (本级)', async () => {
    const codes = async (paths: string[], responsibleId?: number) =>
      (await repo.quotaColumns({ paths, via: 'responsible', responsibleId })).map((c) => c.code);
    // 政策法规 is on the city portal but 东城 keeps it: the city's own subtree still holds it, 东城's too.
    expect(await codes([city.path])).toEqual(['jwdt', 'zcfg', 'xcdt']);
    expect(await codes([east.path])).toEqual(['zcfg']);
    expect(await codes([city.path], city.id)).toEqual(['jwdt']);
    expect(await codes([city.path], east.id)).toEqual(['zcfg']);
    expect(await codes([west.path], east.id)).toEqual([]);
  });
});
