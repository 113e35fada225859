import type { ChangePasswordRequest, LoginRequest, Role, Session } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as authApi from '@/api/auth';
import { HttpError } from '@/api/http';

export type SessionLoss = 'expired' | 'unauthenticated';

export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(null);
  /** Whether GET /auth/me has been answered once since the page loaded. */
  const checked = ref(false);

  const loggedIn = computed(() => session.value !== null);
  const user = computed(() => session.value?.user ?? null);
  /** Distinct roles, whatever department each is scoped to; what navigation is decided on. */
  const roles = computed<Role[]>(() => [...new Set(session.value?.roles.map((r) => r.role) ?? [])]);
  const mustChangePassword = computed(() => session.value?.mustChangePassword ?? false);
  const demo = computed(() => session.value?.demo ?? false);
  const csrfToken = computed(() => session.value?.csrfToken);

  /** Who am I; resolves to the reason instead of throwing when there is no session. */
  async function restore(): Promise<SessionLoss | null> {
    try {
      session.value = await authApi.me({ handles: ['UNAUTHENTICATED', 'SESSION_EXPIRED'] });
      return null;
    } catch (error) {
      session.value = null;
      if (error instanceof HttpError && error.code === 'SESSION_EXPIRED') return 'expired';
      if (error instanceof HttpError && error.code === 'UNAUTHENTICATED') return 'unauthenticated';
      throw error;
    } finally {
      checked.value = true;
    }
  }

  async function login(request: LoginRequest) {
    session.value = await authApi.login(request, {
      handles: [
        'INVALID_CREDENTIALS',
        'ACCOUNT_LOCKED',
        'ACCOUNT_DISABLED',
        'RATE_LIMITED',
        'VALIDATION_FAILED',
      ],
    });
    checked.value = true;
    return session.value;
  }

  async function changePassword(request: ChangePasswordRequest) {
    session.value = await authApi.changePassword(request, {
      handles: ['PASSWORD_POLICY', 'INVALID_CREDENTIALS', 'VALIDATION_FAILED'],
    });
    return session.value;
  }

  /** Ends the session on the server; a failure there must not keep the person signed in here. */
  async function logout(): Promise<boolean> {
    try {
      await authApi.logout({ handles: 'all' });
      return true;
    } catch {
      return false;
    } finally {
      session.value = null;
    }
  }

  function requirePasswordChange() {
    if (session.value) session.value = { ...session.value, mustChangePassword: true };
  }

  return {
    session,
    checked,
    loggedIn,
    user,
    roles,
    mustChangePassword,
    demo,
    csrfToken,
    restore,
    login,
    changePassword,
    logout,
    requirePasswordChange,
  };
});
