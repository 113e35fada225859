import type { Account, Department, Role, Session } from '@sunlight/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '@/stores/session';
import { account, historyImport } from '@/testing/accounts';
import { jsonResponse, mountView } from '@/testing/mount-view';
import AccountsView from './accounts-view.vue';

const departments: Department[] = [
  { id: 1, name: '示范市公安局', parentId: null, depth: 0, disabled: false, reviewLevels: 2 },
  { id: 2, name: '东城分局', parentId: 1, depth: 1, disabled: false, reviewLevels: 2 },
];

function session(role: Role, departmentId: number): Session {
  return {
    user: { id: 1, username: 'u', displayName: '用户', departmentId, departmentName: '' },
    roles: [{ role, departmentId, departmentName: '' }],
    mustChangePassword: false,
    csrfToken: 'csrf',
    idleTimeoutSeconds: 1800,
    expiresAt: '2030-01-01T00:00:00Z',
    demo: false,
  };
}

async function mountWith(role: Role, departmentId: number, accounts: Account[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      Promise.resolve(jsonResponse(200, url.startsWith('/api/departments') ? departments : accounts)),
    ),
  );
  const { wrapper } = await mountView(AccountsView, '/channels', {
    setup: (pinia) => {
      useSessionStore(pinia).session = session(role, departmentId);
    },
  });
  await flushPromises();
  return wrapper;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('account matrix page', () => {
  it('tells an admin with no accounts how to add the first one', async () => {
    const wrapper = await mountWith('admin', 1, []);
    expect(wrapper.find('[data-testid="accounts-empty"]').text()).toContain('点击“添加账号”接入门户网站');
    expect(wrapper.find('[data-testid="account-create-open"]').exists()).toBe(true);
  });

  it('groups accounts by department and marks the stale ones', async () => {
    const wrapper = await mountWith('editor', 1, [
      account({ id: 1, departmentId: 2, departmentName: '东城分局', name: '平安东城', stale: true }),
      account({
        id: 2,
        departmentId: 1,
        departmentName: '示范市公安局',
        channel: 'portal',
        name: '门户网站',
        lastPublishedAt: '2026-03-01T02:00:00.000Z',
        daysSinceLastPublication: 3,
        columnCount: 7,
      }),
    ]);
    const groups = wrapper.findAll('[data-testid^="account-group-"]');
    expect(groups.map((g) => g.find('h3').text())).toEqual([
      expect.stringContaining('示范市公安局'),
      expect.stringContaining('东城分局'),
    ]);
    expect(wrapper.find('[data-testid="account-freshness-1"]').text()).toContain('超期未更新');
    expect(wrapper.find('[data-testid="account-freshness-2"]').text()).toContain('3 天前');
    expect(wrapper.find('[data-testid="account-columns-2"]').text()).toBe('栏目（7）');
    expect(wrapper.find('[data-testid="accounts-summary"]').text()).toContain('超期未更新 1 个');
  });

  it('hides the admin actions from readers and shows them to the admin of the department', async () => {
    const rows = [account({ id: 1, departmentId: 2, departmentName: '东城分局' })];
    const reader = await mountWith('leader', 1, rows);
    expect(reader.find('[data-testid="account-edit-1"]').exists()).toBe(false);
    expect(reader.find('[data-testid="account-test-1"]').exists()).toBe(false);
    expect(reader.find('[data-testid="account-create-open"]').exists()).toBe(false);
    expect(reader.find('[data-testid="account-import-1"]').exists()).toBe(false);
    expect(reader.find('[data-testid="account-collect-1"]').exists()).toBe(false);
    // A reader may follow an import but not start one.
    expect(reader.find('[data-testid="account-import-progress-1"]').exists()).toBe(true);
    document.body.innerHTML = '';
    const admin = await mountWith('admin', 2, rows);
    expect(admin.find('[data-testid="account-edit-1"]').exists()).toBe(true);
    expect(admin.find('[data-testid="account-test-1"]').exists()).toBe(true);
    expect(admin.find('[data-testid="account-import-1"]').text()).toBe('导入历史');
    expect(admin.find('[data-testid="account-collect-1"]').text()).toBe('立即采集');
    expect(admin.find('[data-testid="account-import-progress-1"]').exists()).toBe(false);
  });

  it('keeps 导入历史 and 立即采集 from an admin of another 分局', async () => {
    const admin = await mountWith('admin', 2, [account({ id: 1, departmentId: 1 })]);
    expect(admin.find('[data-testid="account-import-1"]').exists()).toBe(false);
    expect(admin.find('[data-testid="account-collect-1"]').exists()).toBe(false);
    expect(admin.find('[data-testid="account-import-progress-1"]').exists()).toBe(true);
  });

  it('queues 立即采集, and starts an import only after the admin confirms it', async () => {
    const rows = [account({ id: 1, departmentId: 2, departmentName: '东城分局', name: '平安东城' })];
    const wrapper = await mountWith('admin', 2, rows);
    const posts: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        if (init.method === 'POST') posts.push(url);
        if (url === '/api/accounts/1/collect')
          return Promise.resolve(jsonResponse(202, { streams: ['timeline'] }));
        if (url === '/api/accounts/1/import')
          return Promise.resolve(jsonResponse(202, historyImport({ status: 'done', pages: 3 })));
        return Promise.resolve(jsonResponse(200, url.startsWith('/api/departments') ? departments : rows));
      }),
    );

    await wrapper.find('[data-testid="account-collect-1"]').trigger('click');
    await flushPromises();
    expect(posts).toEqual(['/api/accounts/1/collect']);
    expect(document.body.textContent).toContain('采集任务已排队，稍后刷新可见最新采集时间');

    await wrapper.find('[data-testid="account-import-1"]').trigger('click');
    await flushPromises();
    const box = document.querySelector('.el-message-box');
    expect(box?.textContent).toContain('接入阳光之前发布的内容');
    expect(posts).toEqual(['/api/accounts/1/collect']);
    box?.querySelector<HTMLButtonElement>('.el-button--primary')?.click();
    await flushPromises();
    expect(posts).toEqual(['/api/accounts/1/collect', '/api/accounts/1/import']);
    expect(document.querySelector('[data-testid="import-read"]')?.textContent).toContain('已读取 3 页');
  });
});
