import type { Department } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { buildDepartmentTree, subtreeIds } from './department-tree';

const dept = (id: number, name: string, parentId: number | null, depth = 0): Department => ({
  id,
  name,
  parentId,
  depth,
  disabled: false,
  reviewLevels: 2,
});

const city = [
  dept(1, '市公安局', null),
  dept(3, '西城分局', 1, 1),
  dept(2, '东城分局', 1, 1),
  dept(4, '东城分局宣传科', 2, 2),
];

describe('buildDepartmentTree', () => {
  it('nests children under their parents', () => {
    const [root] = buildDepartmentTree(city);
    expect(root?.label).toBe('市公安局');
    expect(root?.children.map((c) => c.id).sort()).toEqual([2, 3]);
    expect(root?.children.find((c) => c.id === 2)?.children.map((c) => c.label)).toEqual(['东城分局宣传科']);
  });

  it('makes a department whose parent is outside the caller’s scope a root', () => {
    const scoped = [dept(2, '东城分局', 1, 1), dept(4, '东城分局宣传科', 2, 2)];
    expect(buildDepartmentTree(scoped).map((n) => n.id)).toEqual([2]);
  });
});

describe('subtreeIds', () => {
  it('collects the department and everything below it', () => {
    expect([...subtreeIds(city, 2)].sort()).toEqual([2, 4]);
    expect(subtreeIds(city, 1).size).toBe(4);
    expect([...subtreeIds(city, 3)]).toEqual([3]);
  });
});
