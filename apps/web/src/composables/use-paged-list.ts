import type { Page } from '@sunlight/contracts';
import { reactive, ref, type Ref } from 'vue';

/**
 * A list read a page at a time: where it is, what it holds, whether it is loading. `search` starts again at
 * the first page (new filters); `load` reads the current one (paging).
 */
export function usePagedList<T>(
  fetchPage: (paging: { page: number; pageSize: number }) => Promise<Page<T>>,
  pageSize = 50,
) {
  const paging = reactive({ page: 1, pageSize });
  const items = ref([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      const page = await fetchPage({ page: paging.page, pageSize: paging.pageSize });
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

  return { paging, items, total, loading, load, search };
}
