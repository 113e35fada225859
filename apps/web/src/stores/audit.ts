import type { AuditAction, AuditEntry, AuditResult } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { reactive } from 'vue';
import * as auditApi from '@/api/audit';
import { usePagedList } from '@/composables/use-paged-list';

export interface AuditFilters {
  username: string;
  action: AuditAction | undefined;
  result: AuditResult | undefined;
  /** Inclusive calendar days (YYYY-MM-DD) in Beijing time, as the API expects. */
  range: [string, string] | null;
}

const emptyFilters = (): AuditFilters => ({
  username: '',
  action: undefined,
  result: undefined,
  range: null,
});

export const useAuditStore = defineStore('audit', () => {
  const filters = reactive<AuditFilters>(emptyFilters());
  const { paging, items, total, loading, load, search } = usePagedList<AuditEntry>((page) =>
    auditApi.listAudit({
      username: filters.username.trim() || undefined,
      action: filters.action,
      result: filters.result,
      from: filters.range?.[0],
      to: filters.range?.[1],
      ...page,
    }),
  );

  function reset() {
    Object.assign(filters, emptyFilters());
    return search();
  }

  return { filters, paging, items, total, loading, load, search, reset };
});
