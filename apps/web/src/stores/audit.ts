import type { AuditAction, AuditEntry, AuditResult } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import * as auditApi from '@/api/audit';

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
  const paging = reactive({ page: 1, pageSize: 50 });
  const items = ref<AuditEntry[]>([]);
  const total = ref(0);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      const page = await auditApi.listAudit({
        username: filters.username.trim() || undefined,
        action: filters.action,
        result: filters.result,
        from: filters.range?.[0],
        to: filters.range?.[1],
        page: paging.page,
        pageSize: paging.pageSize,
      });
      items.value = page.items;
      total.value = page.total;
    } finally {
      loading.value = false;
    }
  }

  function search() {
    paging.page = 1;
    return load();
  }

  function reset() {
    Object.assign(filters, emptyFilters());
    return search();
  }

  return { filters, paging, items, total, loading, load, search, reset };
});
