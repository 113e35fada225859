import type { ColumnQuotaReport, QuotaPeriod } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import * as quotasApi from '@/api/column-quotas';
import { shanghaiDay } from '@/utils/calendar-grid';
import { quotaWindow } from '@/utils/quota-periods';

export interface ColumnQuotaFilter {
  /** One kind of period, or every kind. */
  period: QuotaPeriod | undefined;
  department: number | undefined;
}

/** 栏目考核: the report for the current period and the eleven before it. */
export const useColumnQuotasStore = defineStore('column-quotas', () => {
  const report = ref<ColumnQuotaReport | null>(null);
  const loading = ref(false);
  const filter = reactive<ColumnQuotaFilter>({ period: undefined, department: undefined });
  let latest = 0;

  async function load() {
    const ticket = ++latest;
    loading.value = true;
    try {
      const range = quotaWindow(filter.period, shanghaiDay(new Date()));
      const answer = await quotasApi.columnQuotaReport({ ...range, ...filter });
      // A filter changed while this was on its way: the later answer wins.
      if (ticket === latest) report.value = answer;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  return { report, loading, filter, load };
});
