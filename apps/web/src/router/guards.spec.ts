import type { Role } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import type { RouteMeta } from 'vue-router';
import { decide, safeRedirect, type GuardState } from './guards';

const route = (fullPath: string, meta: RouteMeta = {}, name = 'x', query = {}) => ({
  fullPath,
  meta,
  name,
  query,
});
const signedIn = (roles: Role[], mustChangePassword = false): GuardState => ({
  loggedIn: true,
  mustChangePassword,
  roles,
});
const anonymous: GuardState = { loggedIn: false, mustChangePassword: false, roles: [] };

describe('navigation guard', () => {
  it('sends someone without a session to the login page and remembers where they were going', () => {
    expect(decide(route('/audit?page=2', { section: 'audit' }), anonymous)).toEqual({
      name: 'login',
      query: { redirect: '/audit?page=2' },
    });
  });

  it('says why when the session expired', () => {
    expect(decide(route('/', { section: 'home' }), anonymous, 'expired')).toEqual({
      name: 'login',
      query: { reason: 'expired' },
    });
  });

  it('holds a user with a temporary password on the change-password page', () => {
    const state = signedIn(['editor'], true);
    expect(decide(route('/posts', { section: 'posts' }), state)).toEqual({
      name: 'password',
      query: { redirect: '/posts' },
    });
    expect(decide(route('/password', { beforePasswordChange: true }, 'password'), state)).toBe(true);
  });

  it('answers 无权访问 for a section the roles do not open', () => {
    expect(decide(route('/audit', { section: 'audit' }), signedIn(['admin']))).toEqual({
      name: 'forbidden',
      query: { from: '/audit' },
    });
    expect(decide(route('/audit', { section: 'audit' }), signedIn(['auditor']))).toBe(true);
  });

  it('moves a signed-in user away from the login page to where they wanted to go', () => {
    const login = route('/login', { public: true }, 'login', { redirect: '/organization' });
    expect(decide(login, signedIn(['admin']))).toBe('/organization');
    expect(decide(login, signedIn(['admin'], true))).toEqual({
      name: 'password',
      query: { redirect: '/organization' },
    });
  });
});

describe('safeRedirect', () => {
  it('accepts paths of this app only', () => {
    expect(safeRedirect('/audit?page=2')).toBe('/audit?page=2');
    expect(safeRedirect('//evil.example/x')).toBeUndefined();
    expect(safeRedirect('/\\evil.example')).toBeUndefined();
    expect(safeRedirect('https://evil.example')).toBeUndefined();
    expect(safeRedirect(null)).toBeUndefined();
  });
});
