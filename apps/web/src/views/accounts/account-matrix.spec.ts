import type { Department } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { account } from '@/testing/accounts';
import { buildDepartmentTree } from '@/utils/department-tree';
import { filterAccounts, groupAccounts, summarize } from './account-matrix';

const department = (id: number, name: string, parentId: number | null, depth: number): Department => ({
  id,
  name,
  parentId,
  depth,
  disabled: false,
  reviewLevels: 2,
});

const tree = buildDepartmentTree([
  department(1, '示范市公安局', null, 0),
  department(3, '西城分局', 1, 1),
  department(2, '东城分局', 1, 1),
  department(4, '东城治安大队', 2, 2),
]);

describe('groupAccounts', () => {
  it('follows the department tree: a parent before its children, siblings by name', () => {
    const groups = groupAccounts(
      [
        account({ id: 1, departmentId: 3, departmentName: '西城分局' }),
        account({ id: 2, departmentId: 4, departmentName: '东城治安大队', stale: true }),
        account({ id: 3, departmentId: 1, departmentName: '示范市公安局' }),
        account({ id: 4, departmentId: 4, departmentName: '东城治安大队' }),
      ],
      tree,
    );
    expect(groups.map((g) => [g.departmentName, g.depth, g.accounts.map((a) => a.id), g.staleCount])).toEqual(
      [
        ['示范市公安局', 0, [3], 0],
        ['东城治安大队', 2, [2, 4], 1],
        ['西城分局', 1, [1], 0],
      ],
    );
  });

  it('keeps accounts of a department missing from the tree, at the end', () => {
    const groups = groupAccounts(
      [account({ id: 1, departmentId: 99, departmentName: '外单位' }), account({ id: 2, departmentId: 2 })],
      tree,
    );
    expect(groups.map((g) => g.departmentId)).toEqual([2, 99]);
  });
});

describe('filterAccounts and summarize', () => {
  const accounts = [
    account({ id: 1, channel: 'weibo', name: '平安东城', stale: true }),
    account({ id: 2, channel: 'portal', name: '东城分局网站', credentialStatus: 'invalid' }),
    account({ id: 3, channel: 'wechat', name: '西城警方', credentialStatus: 'missing', disabled: true }),
  ];

  it('filters by channel and by a part of the name', () => {
    expect(filterAccounts(accounts, { channel: 'portal', q: '' }).map((a) => a.id)).toEqual([2]);
    expect(filterAccounts(accounts, { channel: undefined, q: ' 东城 ' }).map((a) => a.id)).toEqual([1, 2]);
  });

  it('counts stale accounts and enabled accounts whose credentials need attention', () => {
    expect(summarize(accounts)).toEqual({ total: 3, stale: 1, credentials: 1 });
  });
});
