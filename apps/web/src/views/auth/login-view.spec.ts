import type { Session } from '@sunlight/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mountView } from '@/testing/mount-view';
import LoginView from './login-view.vue';

const session: Session = {
  user: { id: 1, username: 'zhangsan', displayName: '张三', departmentId: 1, departmentName: '市公安局' },
  roles: [{ role: 'admin', departmentId: 1, departmentName: '市公安局' }],
  mustChangePassword: false,
  csrfToken: 'csrf',
  idleTimeoutSeconds: 1800,
  expiresAt: '2030-01-01T00:00:00Z',
  demo: false,
};

function answer(response: Response) {
  const fetch = vi.fn(() => Promise.resolve(response));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function signIn(wrapper: Awaited<ReturnType<typeof mountView>>['wrapper']) {
  await wrapper.find('[data-testid="login-username"]').setValue('zhangsan');
  await wrapper.find('[data-testid="login-password"]').setValue('Wrong-pass-1');
  await wrapper.find('form').trigger('submit');
}

const mountLogin = (path = '/login') =>
  mountView(LoginView, path, { routes: [{ path: '/login', name: 'login', component: LoginView }] });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('login page', () => {
  it('shows the product name and the login form hooks', async () => {
    const { wrapper } = await mountLogin();
    expect(wrapper.text()).toContain('阳光政务新媒体运营台');
    expect(wrapper.find('[data-testid="login-submit"]').text()).toBe('登录');
  });

  it('shows the lockout message the server sends', async () => {
    const fetch = answer(
      jsonResponse(423, {
        code: 'ACCOUNT_LOCKED',
        message: '账号已锁定，请 15 分钟后再试',
        messageEn: 'locked',
      }),
    );
    const { wrapper } = await mountLogin();

    await signIn(wrapper);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true));

    expect(fetch).toHaveBeenCalledOnce();
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('账号已锁定，请 15 分钟后再试');
    expect((wrapper.find('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('');
  });

  it('says the session expired when sent back for that reason', async () => {
    const { wrapper } = await mountLogin('/login?reason=expired');
    expect(wrapper.find('[data-testid="login-notice"]').text()).toContain('会话已过期，请重新登录');
  });

  it('does not call the server when a field is empty', async () => {
    const fetch = answer(jsonResponse(200, session));
    const { wrapper } = await mountLogin();

    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(fetch).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入用户名'));
  });

  it('goes where the person was headed after signing in', async () => {
    answer(jsonResponse(200, session));
    const { wrapper, router } = await mountLogin('/login?redirect=/organization');

    await signIn(wrapper);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/organization'));
  });

  it('goes to the change-password page first with a temporary password', async () => {
    answer(jsonResponse(200, { ...session, mustChangePassword: true }));
    const { wrapper, router } = await mountLogin('/login?redirect=/organization');

    await signIn(wrapper);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('password'));
    expect(router.currentRoute.value.query.redirect).toBe('/organization');
  });
});
