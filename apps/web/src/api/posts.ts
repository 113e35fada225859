import {
  attachmentSchema,
  postGateSchema,
  postHistorySchema,
  postPageSchema,
  postSchema,
  reviewQueueItemSchema,
  sanitiseResponseSchema,
  type CreatePostRequest,
  type PostListQuery,
  type ReviewDecisionRequest,
  type ScheduleRequest,
  type UpdatePostRequest,
  type UpdateVariantRequest,
  type UrgentApproveRequest,
} from '@sunlight/contracts';
import { z } from 'zod';
import { http, noContent, type RequestOptions } from './http';

type Options = Pick<RequestOptions, 'handles'>;

export const listPosts = (query: Partial<PostListQuery> = {}) =>
  http.get('/posts', postPageSchema, { query: query as Record<string, string | number | undefined> });

export const getPost = (id: number) => http.get(`/posts/${id}`, postSchema);

export const createPost = (body: CreatePostRequest, options?: Options) =>
  http.post('/posts', body, postSchema, options);

export const updatePost = (id: number, body: UpdatePostRequest, options?: Options) =>
  http.patch(`/posts/${id}`, body, postSchema, options);

export const regenerateVariants = (id: number, version: number, overwriteEdited: boolean) =>
  http.post(`/posts/${id}/variants/generate`, { version, overwriteEdited }, postSchema);

export const updateVariant = (id: number, accountId: number, body: UpdateVariantRequest, options?: Options) =>
  http.patch(`/posts/${id}/variants/${accountId}`, body, postSchema, options);

export const postHistory = (id: number) => http.get(`/posts/${id}/history`, postHistorySchema);

export const postGate = (id: number) => http.get(`/posts/${id}/gate`, postGateSchema);

export const sanitise = (html: string) => http.post('/posts/sanitise', { html }, sanitiseResponseSchema);

export const submitPost = (id: number, version: number, options?: Options) =>
  http.post(`/posts/${id}/submit`, { version }, postSchema, options);

export const withdrawPost = (id: number, version: number) =>
  http.post(`/posts/${id}/withdraw`, { version }, postSchema);

export const reviewPost = (id: number, body: ReviewDecisionRequest, options?: Options) =>
  http.post(`/posts/${id}/review`, body, postSchema, options);

export const urgentApprove = (id: number, body: UrgentApproveRequest, options?: Options) =>
  http.post(`/posts/${id}/urgent-approve`, body, postSchema, options);

export const schedulePost = (id: number, body: ScheduleRequest, options?: Options) =>
  http.post(`/posts/${id}/schedule`, body, postSchema, options);

export const cancelPost = (id: number) => http.post(`/posts/${id}/cancel`, {}, postSchema);

export const sendPostNow = (id: number) => http.post(`/posts/${id}/send-now`, {}, postSchema);

export const reviewQueue = () => http.get('/review-queue', z.array(reviewQueueItemSchema));

export function uploadAttachment(file: File, options?: Options) {
  const form = new FormData();
  form.append('file', file);
  return http.post('/attachments', form, attachmentSchema, options);
}

export const reschedulePublication = (id: number, dueAt: string, options?: Options) =>
  http.post(`/publications/${id}/reschedule`, { dueAt }, noContent, options);

export const cancelPublication = (id: number) => http.post(`/publications/${id}/cancel`, {}, noContent);

export const sendPublicationNow = (id: number) => http.post(`/publications/${id}/send-now`, {}, noContent);
