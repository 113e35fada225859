import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { http } from '@/api/http';
import { useSessionStore } from '@/stores/session';

/** Connects the HTTP client to the session, the router and the toasts without the client importing them. */
export function installHttpHooks(router: Router, pinia: Pinia) {
  const session = useSessionStore(pinia);
  http.setHooks({
    csrfToken: () => session.csrfToken,
    notifyError: (error) => {
      ElMessage.error({ message: error.message, grouping: true, showClose: true });
    },
    onSessionLost: (error) => {
      const current = router.currentRoute.value;
      if (current.name === 'login') return;
      const query = {
        reason: error.code === 'SESSION_EXPIRED' ? 'expired' : 'lost',
        ...(current.fullPath === '/' ? {} : { redirect: current.fullPath }),
      };
      // A full page load, not a route change: nothing the previous session fetched stays in memory.
      window.location.assign(router.resolve({ name: 'login', query }).href);
    },
    onPasswordChangeRequired: (error) => {
      session.requirePasswordChange();
      ElMessage.warning({ message: error.message, grouping: true });
      const current = router.currentRoute.value.fullPath;
      void router.push({ name: 'password', query: current === '/' ? {} : { redirect: current } });
    },
  });
}
