import { accountReaderRoles, type Role } from '@sunlight/contracts';

/**
 * The product's sections and who may open them: the one table both the router guard and the side
 * navigation read, so a menu item is never shown for a page that would answer 无权访问 (and back).
 * The server checks every call again; this only decides what to offer.
 */
export const sectionKeys = [
  'home',
  'calendar',
  'posts',
  'review',
  'inbox',
  'topics',
  'dashboard',
  'quotas',
  'reports',
  'channels',
  'organization',
  'safety',
  'audit',
] as const;
export type SectionKey = (typeof sectionKeys)[number];

export interface Section {
  key: SectionKey;
  path: string;
  /** `'all'`: anyone signed in, including a user with no role yet. */
  roles: readonly Role[] | 'all';
  /** Built pages; the others show an honest "coming soon" state. */
  built: boolean;
}

export const sections: Record<SectionKey, Section> = {
  home: { key: 'home', path: '/', roles: 'all', built: true },
  calendar: {
    key: 'calendar',
    path: '/calendar',
    roles: ['editor', 'reviewer', 'approver', 'leader'],
    built: true,
  },
  posts: { key: 'posts', path: '/posts', roles: ['editor', 'reviewer', 'approver'], built: true },
  review: { key: 'review', path: '/review', roles: ['reviewer', 'approver'], built: true },
  inbox: { key: 'inbox', path: '/inbox', roles: ['editor', 'reviewer', 'approver', 'leader'], built: false },
  topics: {
    key: 'topics',
    path: '/topics',
    roles: ['editor', 'reviewer', 'approver', 'leader'],
    built: false,
  },
  // 数据看板: for the leader and every role with a department scope, as GET /api/figures answers them.
  dashboard: { key: 'dashboard', path: '/dashboard', roles: accountReaderRoles, built: true },
  // 栏目考核: every role that reads figures, within its scope (the figures' 栏目更新达标率 counts the same).
  quotas: { key: 'quotas', path: '/column-quotas', roles: accountReaderRoles, built: true },
  reports: { key: 'reports', path: '/reports', roles: ['reporter', 'leader'], built: false },
  // 账号矩阵: read by everyone who works with content or figures, changed by admins.
  channels: { key: 'channels', path: '/channels', roles: accountReaderRoles, built: true },
  organization: { key: 'organization', path: '/organization', roles: ['admin'], built: true },
  // 敏感词库: the content-safety dictionaries apply to everyone's posts; only the admin maintains them.
  safety: { key: 'safety', path: '/safety', roles: ['admin'], built: true },
  audit: { key: 'audit', path: '/audit', roles: ['auditor'], built: true },
};

export function canOpen(section: Section, held: readonly Role[]): boolean {
  return section.roles === 'all' || section.roles.some((role) => held.includes(role));
}

/** Sections in menu order that someone holding these roles may open. */
export function visibleSections(held: readonly Role[]): Section[] {
  return sectionKeys.map((key) => sections[key]).filter((section) => canOpen(section, held));
}
