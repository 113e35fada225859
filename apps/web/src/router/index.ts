import type { Pinia } from 'pinia';
import { createRouter, createWebHistory } from 'vue-router';
import { installGuards } from './guards';
import { routes } from './routes';
import './route-meta';

export function createAppRouter(pinia: Pinia) {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });
  installGuards(router, pinia);
  return router;
}
