import { columnQuotaReportSchema, type ColumnQuotaQuery } from '@sunlight/contracts';
import { http } from './http';

export const columnQuotaReport = (query: ColumnQuotaQuery) =>
  http.get('/column-quotas', columnQuotaReportSchema, { query: { ...query } });
