import type { SectionKey } from './sections';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean;
    /** Reachable while the temporary password has not been replaced yet. */
    beforePasswordChange?: boolean;
    /** The section whose role list guards this route. */
    section?: SectionKey;
  }
}

export {};
