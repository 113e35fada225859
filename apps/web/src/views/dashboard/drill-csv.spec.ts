import { describe, expect, it } from 'vitest';
import { publicationRow } from '@/testing/figures';
import { drillCsv } from './drill-csv';

const label = (column: string) => `[${column}]`;

describe('drill-down rows as CSV', () => {
  it('writes a publication with its channel and kind in Chinese, Beijing time and its link', () => {
    const table = drillCsv(
      {
        kind: 'publications',
        total: 1,
        page: 1,
        pageSize: 20,
        items: [publicationRow({ title: '冬季防火提示', accountName: '平安东城' })],
      },
      label,
    );
    expect(table.header[0]).toBe('[title]');
    expect(table.header).toHaveLength(table.rows[0]!.length);
    expect(table.rows[0]).toEqual([
      '冬季防火提示',
      '平安东城',
      '东城分局',
      '政务微博',
      null,
      '原创',
      '2025-01-02 09:30:00',
      1200,
      30,
      4,
      9,
      null,
      'https://weibo.example/11',
    ]);
  });

  it('writes a column period with its outcome and an account with its silence', () => {
    const periods = drillCsv(
      {
        kind: 'columnPeriods',
        total: 1,
        page: 1,
        pageSize: 20,
        items: [
          {
            columnId: 7,
            columnName: '警务动态',
            accountName: '门户网站',
            departmentName: '示范市公安局',
            ruleText: '每周至少1条',
            start: '2025-03-03',
            end: '2025-03-09',
            done: 0,
            outcome: 'missed',
          },
        ],
      },
      label,
    );
    expect(periods.rows[0]).toEqual([
      '警务动态',
      '门户网站',
      '示范市公安局',
      '每周至少1条',
      '2025-03-03~2025-03-09',
      0,
      '未达标',
    ]);
    const accounts = drillCsv(
      {
        kind: 'accounts',
        total: 1,
        page: 1,
        pageSize: 20,
        items: [
          {
            id: 3,
            name: '南湖警方',
            channel: 'wechat',
            departmentName: '南湖分局',
            lastPublishedAt: null,
            daysSilent: null,
          },
        ],
      },
      label,
    );
    expect(accounts.header).toEqual([
      '[account]',
      '[channel]',
      '[department]',
      '[lastPublished]',
      '[daysSilent]',
    ]);
    expect(accounts.rows[0]).toEqual(['南湖警方', '政务微信', '南湖分局', '', null]);
  });
});
