import {
  dictionaryEntrySchema,
  dictionaryImportReportSchema,
  dictionarySummarySchema,
  gateResultSchema,
  pageSchema,
  type CreateDictionaryEntryRequest,
  type DictionaryImportRequest,
  type DictionaryKind,
  type DictionaryListQuery,
  type SafetyCheckRequest,
  type UpdateDictionaryEntryRequest,
  type UpdateDictionarySettingsRequest,
} from '@sunlight/contracts';
import { http, noContent, type RequestOptions } from './http';

type Options = Pick<RequestOptions, 'handles'>;

const entryPageSchema = pageSchema(dictionaryEntrySchema);

/** The gate's verdict on a text as it stands (live highlighting, the admin's 试一试). */
export const checkText = (body: SafetyCheckRequest, options?: Options) =>
  http.post('/safety/check', body, gateResultSchema, options);

export const listEntries = (query: Partial<DictionaryListQuery> & { kind: DictionaryKind }) =>
  http.get('/safety/dictionary', entryPageSchema, { query });

export const dictionarySummary = () => http.get('/safety/dictionary/summary', dictionarySummarySchema);

export const createEntry = (body: CreateDictionaryEntryRequest, options?: Options) =>
  http.post('/safety/dictionary', body, dictionaryEntrySchema, options);

export const updateEntry = (id: number, body: UpdateDictionaryEntryRequest, options?: Options) =>
  http.patch(`/safety/dictionary/${id}`, body, dictionaryEntrySchema, options);

export const deleteEntry = (id: number) => http.delete(`/safety/dictionary/${id}`, noContent);

export const importDictionary = (body: DictionaryImportRequest, options?: Options) =>
  http.post('/safety/dictionary/import', body, dictionaryImportReportSchema, options);

export const updateSettings = (body: UpdateDictionarySettingsRequest) =>
  http.patch('/safety/dictionary/settings', body, dictionarySummarySchema);

/** A plain link: the browser downloads the file with the session cookie, as for any GET. */
export const exportUrl = (kind: DictionaryKind) => `/api/safety/dictionary/export?kind=${kind}`;
