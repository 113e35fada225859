import type { Role, Session } from '@sunlight/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { Component } from 'vue';
import { useSessionStore } from '@/stores/session';
import { mountView } from '@/testing/mount-view';
import AppHeader from './app-header.vue';
import AppNav from './app-nav.vue';

function sessionWith(roles: Role[], demo = false): Session {
  return {
    user: { id: 1, username: 'li', displayName: '李四', departmentId: 2, departmentName: '东城分局' },
    roles: roles.map((role) => ({ role, departmentId: 2, departmentName: '东城分局' })),
    mustChangePassword: false,
    csrfToken: 'csrf',
    idleTimeoutSeconds: 1800,
    expiresAt: '2030-01-01T00:00:00Z',
    demo,
  };
}

async function mountAs(component: Component, roles: Role[], demo = false) {
  const { wrapper } = await mountView(component, '/', {
    props: { collapsed: false },
    setup: (pinia) => {
      useSessionStore(pinia).session = sessionWith(roles, demo);
    },
  });
  return wrapper;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('side navigation', () => {
  it('shows an auditor 工作台 and 审计日志 only', async () => {
    const nav = await mountAs(AppNav, ['auditor']);
    const items = nav.findAll('[data-testid^="nav-"]').map((item) => item.attributes('data-testid'));
    expect(items).toEqual(['nav-home', 'nav-audit']);
    expect(nav.text()).toContain('审计日志');
  });

  it('shows an admin the administration sections and not the audit log', async () => {
    const nav = await mountAs(AppNav, ['admin']);
    expect(nav.find('[data-testid="nav-organization"]').exists()).toBe(true);
    expect(nav.find('[data-testid="nav-channels"]').exists()).toBe(true);
    expect(nav.find('[data-testid="nav-audit"]').exists()).toBe(false);
  });
});

describe('header', () => {
  it('shows the user, department and role labels', async () => {
    const header = await mountAs(AppHeader, ['editor', 'reviewer']);
    const user = header.find('[data-testid="user-menu"]').text();
    expect(user).toContain('李四');
    expect(user).toContain('东城分局');
    expect(user).toContain('信息员、初审');
  });

  it('marks demonstration data clearly, and only then', async () => {
    expect((await mountAs(AppHeader, ['leader'], true)).find('[data-testid="demo-tag"]').text()).toBe(
      '演示数据',
    );
    expect((await mountAs(AppHeader, ['leader'], false)).find('[data-testid="demo-tag"]').exists()).toBe(
      false,
    );
  });
});
