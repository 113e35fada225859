/// <reference types="vite/client" />

// For tools that read .ts files with plain TypeScript (type-aware ESLint); vue-tsc resolves the real
// component types and never falls back to this.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
