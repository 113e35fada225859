import { type Role } from '@sunlight/contracts';

/** The demonstration organisation (演示数据): a city police bureau with its publicity office and three 分局. */
export const demoRootName = '示范市公安局';

export const demoDepartments = ['宣传处', '东城分局', '西城分局', '南湖分局'] as const;
export type DemoDepartment = (typeof demoDepartments)[number];

/**
 * The office that keeps the bureau's portal columns up to date (责任部门). The columns' update quotas come
 * with the demo accounts (config/demo-sandbox.json), which the sandbox's history was written against.
 */
export const demoPortalOffice: DemoDepartment = '宣传处';

export interface DemoUser {
  username: string;
  displayName: string;
  /** Home department; undefined means the bureau itself. */
  home?: DemoDepartment;
  role: Role;
  /** Scope of the role; undefined means city-wide. */
  scope?: DemoDepartment;
}

export const demoUsers: DemoUser[] = [
  { username: 'demo_admin', displayName: '系统管理员（演示）', role: 'admin' },
  { username: 'demo_auditor', displayName: '安全审计员（演示）', role: 'auditor' },
  { username: 'demo_editor', displayName: '王小宣', home: '宣传处', role: 'editor' },
  { username: 'demo_reviewer', displayName: '李初审', home: '宣传处', role: 'reviewer' },
  { username: 'demo_approver', displayName: '张终审', home: '宣传处', role: 'approver' },
  { username: 'demo_leader', displayName: '赵局长', role: 'leader' },
  { username: 'demo_reporter', displayName: '陈报表', home: '宣传处', role: 'reporter' },
  {
    username: 'demo_editor_dongcheng',
    displayName: '东城信息员',
    home: '东城分局',
    role: 'editor',
    scope: '东城分局',
  },
  {
    username: 'demo_editor_xicheng',
    displayName: '西城信息员',
    home: '西城分局',
    role: 'editor',
    scope: '西城分局',
  },
  {
    username: 'demo_editor_nanhu',
    displayName: '南湖信息员',
    home: '南湖分局',
    role: 'editor',
    scope: '南湖分局',
  },
];
