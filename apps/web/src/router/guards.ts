import type { Role } from '@sunlight/contracts';
import type { Pinia } from 'pinia';
import type { LocationQueryValue, RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router';
import { useSessionStore, type SessionLoss } from '@/stores/session';
import { canOpen, sections } from './sections';

export interface GuardState {
  loggedIn: boolean;
  mustChangePassword: boolean;
  roles: readonly Role[];
}

/** Only paths of this app; anything else (//evil.example, https://…) would make the login an open redirect. */
export function safeRedirect(
  value: LocationQueryValue | LocationQueryValue[] | undefined,
): string | undefined {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) {
    return undefined;
  }
  return path;
}

export function decide(
  to: Pick<RouteLocationNormalized, 'name' | 'meta' | 'fullPath' | 'query'>,
  state: GuardState,
  loss: SessionLoss | null = null,
): true | RouteLocationRaw {
  if (to.meta.public) {
    if (state.loggedIn && to.name === 'login') {
      const redirect = safeRedirect(to.query.redirect);
      if (state.mustChangePassword) return { name: 'password', query: redirect ? { redirect } : {} };
      return redirect ?? { name: 'home' };
    }
    return true;
  }
  if (!state.loggedIn) {
    const query: Record<string, string> = {};
    if (to.fullPath !== '/') query.redirect = to.fullPath;
    if (loss === 'expired') query.reason = 'expired';
    return { name: 'login', query };
  }
  if (state.mustChangePassword && !to.meta.beforePasswordChange) {
    return { name: 'password', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  const section = to.meta.section ? sections[to.meta.section] : undefined;
  if (section && !canOpen(section, state.roles)) return { name: 'forbidden', query: { from: to.fullPath } };
  return true;
}

export function installGuards(router: Router, pinia: Pinia) {
  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia);
    let loss: SessionLoss | null = null;
    if (!session.checked) {
      // A network failure is already shown by the HTTP client; the person lands on the login page.
      loss = await session.restore().catch(() => null);
    }
    return decide(to, session, loss);
  });
}
