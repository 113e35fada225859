import { roles, type Role } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-CN';
import { canOpen, sectionKeys, sections, visibleSections, type SectionKey } from './sections';

const keysFor = (...held: Role[]) => visibleSections(held).map((s) => s.key);

describe('sections by role', () => {
  it('shows only 工作台 to an account without roles', () => {
    expect(keysFor()).toEqual(['home']);
  });

  it('keeps the audit log for the auditor alone (三员分立)', () => {
    expect(keysFor('auditor')).toEqual(['home', 'audit']);
    for (const role of roles.filter((r) => r !== 'auditor')) {
      expect(canOpen(sections.audit, [role])).toBe(false);
    }
  });

  it('gives the admin users, departments, accounts, columns, the 敏感词库 and the figures, but no content or audit', () => {
    expect(keysFor('admin')).toEqual(['home', 'dashboard', 'quotas', 'channels', 'organization', 'safety']);
  });

  it('gives an editor the content sections, but not review, reports or administration', () => {
    expect(keysFor('editor')).toEqual([
      'home',
      'calendar',
      'posts',
      'inbox',
      'topics',
      'dashboard',
      'quotas',
      'channels',
    ]);
  });

  it('gives reviewers and approvers the review queue', () => {
    expect(keysFor('reviewer')).toContain('review');
    expect(keysFor('approver')).toContain('review');
    expect(keysFor('editor')).not.toContain('review');
  });

  it('lets a leader read but not write', () => {
    expect(keysFor('leader')).toEqual([
      'home',
      'calendar',
      'inbox',
      'topics',
      'dashboard',
      'quotas',
      'reports',
      'channels',
    ]);
  });

  it('gives the reporter the dashboard, the yearly report and the account matrix only', () => {
    expect(keysFor('reporter')).toEqual(['home', 'dashboard', 'quotas', 'reports', 'channels']);
  });

  it('lets every role but the auditor read the account matrix and the column quotas (栏目考核)', () => {
    for (const role of roles) {
      expect(canOpen(sections.channels, [role]), role).toBe(role !== 'auditor');
      expect(canOpen(sections.quotas, [role]), role).toBe(role !== 'auditor');
    }
  });

  it('unites the sections of several roles without repeating any', () => {
    const keys = keysFor('editor', 'reporter', 'editor');
    expect(keys).toContain('reports');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has a title for every section and an honest description for every one not built yet', () => {
    for (const key of sectionKeys) {
      const messages: Record<string, unknown> = zhCN.sections[key];
      expect(messages.title, key).toBeTypeOf('string');
      if (!sections[key].built) expect(messages.comingSoon, key).toMatch(/将在.+上线后/);
    }
  });

  it('gives every section its own path', () => {
    const paths = sectionKeys.map((key: SectionKey) => sections[key].path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
