import {
  createUserResponseSchema,
  pageSchema,
  resetPasswordResponseSchema,
  userSchema,
  type CreateUserRequest,
  type UpdateUserRequest,
  type UserListQuery,
} from '@sunlight/contracts';
import { http, type RequestOptions } from './http';

type Options = Pick<RequestOptions, 'handles'>;

const userPageSchema = pageSchema(userSchema);

export const listUsers = (query: Partial<UserListQuery>) => http.get('/users', userPageSchema, { query });

export const createUser = (body: CreateUserRequest, options?: Options) =>
  http.post('/users', body, createUserResponseSchema, options);

export const updateUser = (id: number, body: UpdateUserRequest, options?: Options) =>
  http.patch(`/users/${id}`, body, userSchema, options);

export const resetPassword = (id: number) =>
  http.post(`/users/${id}/reset-password`, undefined, resetPasswordResponseSchema);
