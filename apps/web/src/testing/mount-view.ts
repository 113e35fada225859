import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import { i18n } from '@/locales';

const stub = (name: string): Component => ({ name, template: `<div data-testid="page-${name}"></div>` });

export interface MountOptions {
  routes?: RouteRecordRaw[];
  props?: Record<string, unknown>;
  /** Fills stores before the component renders, as the router guard does in the app. */
  setup?: (pinia: Pinia) => void;
}

/** Mounts a page with a fresh store, the zh-CN messages and a router in memory at `path`. */
export async function mountView(view: Component, path: string, options: MountOptions = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  options.setup?.(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      ...(options.routes ?? []),
      { path: '/', name: 'home', component: stub('home') },
      { path: '/password', name: 'password', component: stub('password') },
      { path: '/:rest(.*)*', name: 'other', component: stub('other') },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(view, {
    props: options.props,
    global: { plugins: [pinia, router, i18n] },
    attachTo: document.body,
  });
  return { wrapper, router, pinia };
}

export function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
