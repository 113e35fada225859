import {
  accountImportStateSchema,
  accountSchema,
  collectNowResponseSchema,
  historyImportSchema,
  connectionTestResultSchema,
  oauthAuthorizeResponseSchema,
  portalColumnSchema,
  type AccountListQuery,
  type CreateAccountRequest,
  type CreateColumnRequest,
  type OAuthCodeRequest,
  type SetCredentialsRequest,
  type UpdateAccountRequest,
  type UpdateColumnRequest,
} from '@sunlight/contracts';
import { z } from 'zod';
import { http, type RequestOptions } from './http';

type Options = Pick<RequestOptions, 'handles'>;

export const listAccounts = (query: Partial<AccountListQuery> = {}) =>
  http.get('/accounts', z.array(accountSchema), { query });

export const createAccount = (body: CreateAccountRequest, options?: Options) =>
  http.post('/accounts', body, accountSchema, options);

export const updateAccount = (id: number, body: UpdateAccountRequest, options?: Options) =>
  http.patch(`/accounts/${id}`, body, accountSchema, options);

export const setCredentials = (id: number, body: SetCredentialsRequest, options?: Options) =>
  http.post(`/accounts/${id}/credentials`, body, accountSchema, options);

export const testConnection = (id: number) =>
  http.post(`/accounts/${id}/test`, undefined, connectionTestResultSchema);

export const authorizeUrl = (id: number, redirectUri: string) =>
  http.get(`/accounts/${id}/oauth/authorize-url`, oauthAuthorizeResponseSchema, { query: { redirectUri } });

export const submitOAuthCode = (id: number, body: OAuthCodeRequest, options?: Options) =>
  http.post(`/accounts/${id}/oauth/code`, body, accountSchema, options);

export const listColumns = (accountId: number) =>
  http.get(`/accounts/${accountId}/columns`, z.array(portalColumnSchema));

export const createColumn = (accountId: number, body: CreateColumnRequest, options?: Options) =>
  http.post(`/accounts/${accountId}/columns`, body, portalColumnSchema, options);

export const updateColumn = (accountId: number, id: number, body: UpdateColumnRequest, options?: Options) =>
  http.patch(`/accounts/${accountId}/columns/${id}`, body, portalColumnSchema, options);

/** 导入历史: 202 with the new run; 409 while one is running (or the account is disabled). */
export const startImport = (id: number, options?: Options) =>
  http.post(`/accounts/${id}/import`, undefined, historyImportSchema, options);

/** The account's latest history import, or null before the first. */
export const importState = (id: number, options?: Options) =>
  http.get(`/accounts/${id}/import`, accountImportStateSchema, options);

/** 立即采集: clears the backoff and queues every stream of the account now. */
export const collectNow = (id: number) =>
  http.post(`/accounts/${id}/collect`, undefined, collectNowResponseSchema);
