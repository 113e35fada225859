import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { account } from '@/testing/accounts';
import { mountView } from '@/testing/mount-view';
import AccountFormDialog from './account-form-dialog.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

async function openDialog(props: Record<string, unknown>) {
  const { wrapper } = await mountView(AccountFormDialog, '/channels', { props: { open: false, ...props } });
  await wrapper.setProps({ open: true });
  await flushPromises();
  return wrapper;
}

const input = (testid: string) =>
  document.querySelector<HTMLInputElement>(`input[data-testid="${testid}"], [data-testid="${testid}"] input`);

describe('account dialog', () => {
  it('never prefills a stored secret, and says which ones are set', async () => {
    await openDialog({
      account: account({
        channel: 'weibo',
        secretsSet: { appKey: true, appSecret: false },
        accessTokenSet: true,
      }),
    });
    expect(input('account-secret-appKey')?.type).toBe('password');
    expect(input('account-secret-appKey')?.value).toBe('');
    expect(input('account-access-token')?.value).toBe('');
    expect(document.querySelector('[data-testid="account-secret-appKey-state"]')?.textContent).toContain(
      '已设置',
    );
    expect(document.querySelector('[data-testid="account-secret-appSecret-state"]')?.textContent).toContain(
      '未设置',
    );
  });

  it('asks each channel for its own fields', async () => {
    await openDialog({ account: account({ channel: 'wechat', settings: { appid: 'wx0123456789abcdef' } }) });
    expect(input('account-setting-appid')?.value).toBe('wx0123456789abcdef');
    expect(input('account-secret-secret')).not.toBeNull();
    expect(input('account-secret-appKey')).toBeNull();
    expect(input('account-access-token')).toBeNull();
  });
});
