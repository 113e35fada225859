import type { FigureResult } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { rankingRows, sortRanking } from './department-ranking';

const result: FigureResult = {
  department: { id: 1, name: '示范市公安局' },
  from: '2025-01-01',
  to: '2025-12-31',
  totals: {},
  by: ['department'],
  rows: [
    { key: { department: 1 }, values: { published: 50, originalRate: 0.5 } },
    { key: { department: 2 }, values: { published: 300, originalRate: 0.2 } },
    { key: { department: 3 }, values: { published: 120, originalRate: null } },
    { key: { department: 4 }, values: { published: 120, originalRate: 0.9 } },
  ],
  names: {
    departments: { '1': '示范市公安局', '2': '东城分局', '3': '西城分局', '4': '南湖分局' },
    accounts: {},
    columns: {},
  },
};

describe('department ranking', () => {
  const rows = rankingRows(result, '（本级）');

  it('names each row and marks the chosen department’s own accounts as 本级', () => {
    expect(rows.map((r) => [r.name, r.own])).toEqual([
      ['示范市公安局（本级）', true],
      ['东城分局', false],
      ['西城分局', false],
      ['南湖分局', false],
    ]);
  });

  it('sorts by any figure either way, ties in name order', () => {
    expect(sortRanking(rows, 'published', 'descending').map((r) => r.departmentId)).toEqual([2, 4, 3, 1]);
    expect(sortRanking(rows, 'published', 'ascending').map((r) => r.departmentId)).toEqual([1, 4, 3, 2]);
  });

  it('puts a department whose rate is undefined last, whichever the order', () => {
    expect(sortRanking(rows, 'originalRate', 'descending').map((r) => r.departmentId)).toEqual([4, 1, 2, 3]);
    expect(sortRanking(rows, 'originalRate', 'ascending').map((r) => r.departmentId)).toEqual([2, 1, 4, 3]);
  });

  it('leaves the rows it was given in their order', () => {
    sortRanking(rows, 'published', 'descending');
    expect(rows.map((r) => r.departmentId)).toEqual([1, 2, 3, 4]);
  });
});
