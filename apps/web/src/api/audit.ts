import { auditEntrySchema, pageSchema, type AuditQuery } from '@sunlight/contracts';
import { http } from './http';

const auditPageSchema = pageSchema(auditEntrySchema);

export const listAudit = (query: Partial<AuditQuery>) => http.get('/audit', auditPageSchema, { query });
