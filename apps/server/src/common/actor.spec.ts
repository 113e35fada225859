import { describe, expect, it } from 'vitest';
import { coversPath, holdsRole, scopePaths, type ScopedGrant } from './actor';

const grant = (role: ScopedGrant['role'], path: string): ScopedGrant => ({
  role,
  path,
  departmentId: Number(path.split('/').at(-2)),
  departmentName: path,
});

describe('actor scope', () => {
  const actor = {
    grants: [
      grant('editor', '/1/4/'),
      grant('leader', '/1/'),
      grant('editor', '/1/4/9/'),
      grant('admin', '/1/5/'),
    ],
  };

  it('folds nested subtrees into the outermost one', () => {
    expect(scopePaths(actor, ['editor'])).toEqual(['/1/4/']);
    expect(scopePaths(actor)).toEqual(['/1/']);
  });

  it('covers a department only through the named roles', () => {
    expect(coversPath(actor, '/1/4/9/12/', ['editor'])).toBe(true);
    expect(coversPath(actor, '/1/5/', ['editor'])).toBe(false);
    expect(coversPath(actor, '/1/5/7/', ['admin'])).toBe(true);
    expect(coversPath(actor, '/1/4/', ['admin'])).toBe(false);
  });

  it('does not confuse a sibling whose id starts with the same digits', () => {
    expect(coversPath({ grants: [grant('admin', '/1/4/')] }, '/1/45/', ['admin'])).toBe(false);
  });

  it('knows which roles are held', () => {
    expect(holdsRole(actor, ['auditor'])).toBe(false);
    expect(holdsRole(actor, ['auditor', 'admin'])).toBe(true);
  });
});
