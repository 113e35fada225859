import type { Account, Channel } from '@sunlight/contracts';
import type { DepartmentNode } from '@/utils/department-tree';

/** One department's block of the matrix. */
export interface AccountGroup {
  departmentId: number;
  departmentName: string;
  /** Depth below the top of the caller's scope, for indenting the heading. */
  depth: number;
  accounts: Account[];
  staleCount: number;
}

export interface MatrixFilter {
  channel: Channel | undefined;
  q: string;
}

export function filterAccounts(accounts: readonly Account[], filter: MatrixFilter): Account[] {
  const q = filter.q.trim().toLowerCase();
  return accounts.filter(
    (a) => (!filter.channel || a.channel === filter.channel) && (!q || a.name.toLowerCase().includes(q)),
  );
}

/**
 * Groups accounts by department in the order of the department tree (a parent before its children), as
 * people read an organisation chart. Accounts of a department the tree does not know come last.
 */
export function groupAccounts(accounts: readonly Account[], tree: readonly DepartmentNode[]): AccountGroup[] {
  const order = new Map<number, { index: number; depth: number }>();
  const visit = (nodes: readonly DepartmentNode[], depth: number) => {
    for (const node of nodes) {
      order.set(node.id, { index: order.size, depth });
      visit(node.children, depth + 1);
    }
  };
  visit(tree, 0);
  const groups = new Map<number, AccountGroup>();
  for (const account of accounts) {
    let group = groups.get(account.departmentId);
    if (!group) {
      group = {
        departmentId: account.departmentId,
        departmentName: account.departmentName,
        depth: order.get(account.departmentId)?.depth ?? 0,
        accounts: [],
        staleCount: 0,
      };
      groups.set(account.departmentId, group);
    }
    group.accounts.push(account);
    if (account.stale) group.staleCount++;
  }
  const rank = (g: AccountGroup) => order.get(g.departmentId)?.index ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].sort(
    (a, b) => rank(a) - rank(b) || a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
  );
}

/** The figures above the matrix: how many accounts, how many 超期未更新, how many need credentials seen to. */
export function summarize(accounts: readonly Account[]) {
  return {
    total: accounts.length,
    stale: accounts.filter((a) => a.stale).length,
    credentials: accounts.filter(
      (a) => !a.disabled && ['expiring', 'invalid', 'missing'].includes(a.credentialStatus),
    ).length,
  };
}
