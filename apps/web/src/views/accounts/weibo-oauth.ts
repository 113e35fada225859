import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { useAccountsStore } from '@/stores/accounts';

/** Which account an authorisation is under way for, kept across the trip to Weibo and back. */
const PENDING_KEY = 'sunlight.weibo-oauth.account';

/** Weibo sends the browser back to the matrix page itself, with ?code=&state=. */
export const oauthRedirectUri = () => `${window.location.origin}/channels`;

export function useWeiboOAuth() {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const store = useAccountsStore();

  async function start(accountId: number) {
    const url = await store.startOAuth(accountId, oauthRedirectUri());
    sessionStorage.setItem(PENDING_KEY, String(accountId));
    ElMessage.info(t('accounts.oauth.redirecting'));
    window.location.assign(url);
  }

  /** Finishes an authorisation the page was opened with, then takes the code out of the address. */
  async function finishIfReturning() {
    const { code, state, error_description: denied } = route.query;
    if (typeof code !== 'string' && typeof denied !== 'string') return;
    const accountId = Number(sessionStorage.getItem(PENDING_KEY));
    sessionStorage.removeItem(PENDING_KEY);
    await router.replace({ query: {} });
    if (typeof denied === 'string') {
      ElMessage.error(`${t('accounts.oauth.failed')}：${denied}`);
      return;
    }
    if (!accountId || typeof state !== 'string') {
      ElMessage.error(t('accounts.oauth.lost'));
      return;
    }
    await store.finishOAuth(accountId, code as string, state, oauthRedirectUri());
    ElMessage.success(t('accounts.oauth.done'));
  }

  return { start, finishIfReturning };
}
