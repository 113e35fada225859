import type {
  CreateDictionaryEntryRequest,
  DictionaryEntry,
  DictionaryImportRequest,
  DictionaryKind,
  DictionarySummary,
  HitLevel,
  UpdateDictionaryEntryRequest,
} from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import * as safetyApi from '@/api/safety';
import { usePagedList } from '@/composables/use-paged-list';

/** Errors a form shows next to its fields rather than as a toast. */
const formErrors = { handles: ['VALIDATION_FAILED', 'CONFLICT'] as const };

/** 敏感词库: one dictionary at a time (the open tab), its filters and page, and the counts of all three. */
export const useSafetyStore = defineStore('safety', () => {
  const kind = ref<DictionaryKind>('sensitive');
  const filters = reactive<{ q: string; level: HitLevel | undefined }>({ q: '', level: undefined });
  const summary = ref<DictionarySummary | null>(null);
  const { paging, items, total, loading, load, search } = usePagedList<DictionaryEntry>(
    (page) =>
      safetyApi.listEntries({
        kind: kind.value,
        q: filters.q.trim() || undefined,
        level: kind.value === 'domain' ? undefined : filters.level,
        ...page,
      }),
    // Short pages keep the 试一试 box below the table within reach.
    20,
  );

  async function loadSummary() {
    summary.value = await safetyApi.dictionarySummary();
  }

  /** A change anywhere: the open page and the counts. */
  const refresh = () => Promise.all([load(), loadSummary()]);

  function open(next: DictionaryKind) {
    kind.value = next;
    Object.assign(filters, { q: '', level: undefined });
    paging.page = 1;
    return load();
  }

  async function save(id: number | undefined, request: CreateDictionaryEntryRequest) {
    const { kind: _kind, ...changes } = request;
    const update: UpdateDictionaryEntryRequest = changes;
    const saved =
      id === undefined
        ? await safetyApi.createEntry(request, formErrors)
        : await safetyApi.updateEntry(id, update, formErrors);
    await refresh();
    return saved;
  }

  async function remove(id: number) {
    await safetyApi.deleteEntry(id);
    await refresh();
  }

  /** A dry run answers the report without storing anything; a real import refreshes the list. */
  async function importText(request: DictionaryImportRequest) {
    const report = await safetyApi.importDictionary(request, formErrors);
    if (!report.dryRun) await refresh();
    return report;
  }

  async function setUnlistedLinkLevel(level: HitLevel) {
    summary.value = await safetyApi.updateSettings({ unlistedLinkLevel: level });
  }

  return {
    kind,
    filters,
    paging,
    items,
    total,
    loading,
    summary,
    load,
    loadSummary,
    open,
    search,
    save,
    remove,
    importText,
    setUnlistedLinkLevel,
  };
});
