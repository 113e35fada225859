import type { Department } from '@sunlight/contracts';

export interface DepartmentNode {
  id: number;
  label: string;
  disabled: boolean;
  department: Department;
  children: DepartmentNode[];
}

/**
 * The API answers a flat list of the caller's scope. A department whose parent lies outside that
 * scope becomes a root, so a 分局 admin sees their own 分局 at the top.
 */
export function buildDepartmentTree(list: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>();
  for (const department of list) {
    nodes.set(department.id, {
      id: department.id,
      label: department.name,
      disabled: department.disabled,
      department,
      children: [],
    });
  }
  const roots: DepartmentNode[] = [];
  for (const department of list) {
    const node = nodes.get(department.id)!;
    const parent = department.parentId === null ? undefined : nodes.get(department.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: DepartmentNode, b: DepartmentNode) => a.label.localeCompare(b.label, 'zh-CN');
  const sort = (level: DepartmentNode[]) => {
    level.sort(byName);
    level.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The department and everything below it. */
export function subtreeIds(list: readonly Department[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const d of list) {
    if (d.parentId === null) continue;
    children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  }
  const ids = new Set<number>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}
