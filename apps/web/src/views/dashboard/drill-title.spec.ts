import type { FigureResult } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { drillContext, mergeNames } from './drill-title';

const words = { own: '（本级）', month: (y: string, m: number) => `${y}年${m}月` };

const result = (overrides: Partial<FigureResult>): FigureResult => ({
  department: { id: 1, name: '示范市公安局' },
  from: '2025-01-01',
  to: '2025-12-31',
  totals: {},
  by: [],
  rows: [],
  names: { departments: {}, accounts: {}, columns: {} },
  ...overrides,
});

describe('drill-down titles', () => {
  const names = mergeNames(
    [
      result({ names: { departments: { '2': '东城分局' }, accounts: {}, columns: {} } }),
      null,
      result({ names: { departments: {}, accounts: {}, columns: { '7': '警务动态' } } }),
    ],
    [{ id: 9, name: '平安南湖', channel: 'weibo' }],
  );

  it('name the clicked department, 本级 included', () => {
    expect(drillContext({ figure: 'original', key: { department: 2 } }, names, words)).toEqual(['东城分局']);
    expect(
      drillContext({ figure: 'original', key: { department: 1 }, departmentOnly: true }, names, words),
    ).toEqual(['示范市公安局（本级）']);
  });

  it('name the channel, month, column and account of the element', () => {
    expect(
      drillContext({ figure: 'forwarded', key: { channel: 'wechat', month: '2025-03' } }, names, words),
    ).toEqual(['政务微信', '2025年3月']);
    expect(drillContext({ figure: 'columnQuotaRate', key: { column: 7 } }, names, words)).toEqual([
      '警务动态',
    ]);
    expect(drillContext({ figure: 'published', key: { account: 9 } }, names, words)).toEqual(['平安南湖']);
  });

  it('say nothing more for a KPI card, which counts the whole page', () => {
    expect(drillContext({ figure: 'published', key: {} }, names, words)).toEqual([]);
  });
});
