import { sessionSchema, type ChangePasswordRequest, type LoginRequest } from '@sunlight/contracts';
import { http, noContent, type RequestOptions } from './http';

type Options = Pick<RequestOptions, 'handles'>;

export const login = (body: LoginRequest, options?: Options) =>
  http.post('/auth/login', body, sessionSchema, options);

export const logout = (options?: Options) => http.post('/auth/logout', undefined, noContent, options);

export const me = (options?: Options) => http.get('/auth/me', sessionSchema, options);

export const changePassword = (body: ChangePasswordRequest, options?: Options) =>
  http.post('/auth/password', body, sessionSchema, options);
