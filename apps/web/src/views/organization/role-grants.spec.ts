import { describe, expect, it } from 'vitest';
import { grantProblem, toGrants } from './role-grants';

describe('role grant drafts', () => {
  it('refuses 系统管理员 together with 安全审计员, in whichever scopes', () => {
    expect(
      grantProblem([
        { role: 'admin', departmentId: 1 },
        { role: 'auditor', departmentId: 2 },
      ]),
    ).toBe('conflict');
  });

  it('asks for both halves of every row', () => {
    expect(grantProblem([{ role: undefined, departmentId: 1 }])).toBe('incompleteRole');
    expect(grantProblem([{ role: 'editor', departmentId: undefined }])).toBe('incompleteScope');
  });

  it('refuses the same role twice over the same department, but allows it over two', () => {
    const twice = { role: 'editor' as const, departmentId: 1 };
    expect(grantProblem([twice, twice])).toBe('duplicate');
    expect(grantProblem([twice, { role: 'editor', departmentId: 2 }])).toBeNull();
  });

  it('accepts no roles at all and turns complete drafts into grants', () => {
    expect(grantProblem([])).toBeNull();
    expect(toGrants([{ role: 'leader', departmentId: 7 }])).toEqual([{ role: 'leader', departmentId: 7 }]);
  });
});
