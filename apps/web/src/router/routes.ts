import type { RouteRecordRaw } from 'vue-router';
import { sectionKeys, sections } from './sections';

const comingSoon = () => import('@/views/coming-soon/coming-soon-view.vue');

/** Every page is its own chunk, so the login and the 工作台 load only what they show. */
const builtViews = {
  home: () => import('@/views/home/home-view.vue'),
  organization: () => import('@/views/organization/organization-view.vue'),
  audit: () => import('@/views/audit/audit-view.vue'),
  channels: () => import('@/views/accounts/accounts-view.vue'),
  safety: () => import('@/views/safety/safety-view.vue'),
  posts: () => import('@/views/posts/posts-view.vue'),
  review: () => import('@/views/review/review-queue-view.vue'),
  calendar: () => import('@/views/calendar/calendar-view.vue'),
  quotas: () => import('@/views/column-quotas/column-quotas-view.vue'),
  // 数据看板 starts reading its figures while its code downloads (see prefetchFigures).
  dashboard: () => {
    void import('@/stores/figures').then((m) => m.prefetchFigures());
    return import('@/views/dashboard/dashboard-view.vue');
  },
} as const;

/** Pages below a section (one post, one review), guarded by their section's roles. */
const detailRoutes: RouteRecordRaw[] = [
  {
    path: 'posts/:id(\\d+|new)',
    name: 'post',
    component: () => import('@/views/posts/post-composer-view.vue'),
    meta: { section: 'posts' },
  },
  {
    path: 'review/:id(\\d+)',
    name: 'review-post',
    component: () => import('@/views/review/review-post-view.vue'),
    meta: { section: 'review' },
  },
];

const sectionRoutes: RouteRecordRaw[] = sectionKeys.map((key) => ({
  path: sections[key].path.replace(/^\//, ''),
  name: key,
  component: key in builtViews ? builtViews[key as keyof typeof builtViews] : comingSoon,
  meta: { section: key },
}));

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/login-view.vue'),
    meta: { public: true },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('@/views/auth/password-view.vue'),
    meta: { beforePasswordChange: true },
  },
  // 大屏: the dashboard on the meeting-room screen, outside the app's frame; the dashboard's roles open it.
  {
    path: '/screen',
    name: 'screen',
    component: () => {
      void import('@/stores/figures').then((m) => m.prefetchFigures());
      return import('@/views/screen/screen-view.vue');
    },
    meta: { section: 'dashboard' },
  },
  {
    path: '/',
    component: () => import('@/components/layout/app-layout.vue'),
    children: [
      ...sectionRoutes,
      ...detailRoutes,
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/errors/forbidden-view.vue') },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/errors/not-found-view.vue'),
      },
    ],
  },
];
