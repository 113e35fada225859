import {
  figureCatalogue as staticCatalogue,
  type Account,
  type FigureAccountRow,
  type FigureCatalogueResponse,
  type FigureCode,
  type FigureResult,
  type FigureValues,
  channelFigureGroups,
  kpiFigures,
  quotaFigures,
  trendFigures,
} from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listAccounts } from '@/api/accounts';
import * as figuresApi from '@/api/figures';
import type { ChartDrill } from '@/charts/options/drill';
import { shanghaiDay } from '@/utils/calendar-grid';
import { presetRange, previousRange, type DateRange, type RangePreset } from '@/utils/date-range';

/** 超期未更新账号 listed on the dashboard; the drill-down pages through any more. */
const STALE_LIST_SIZE = 100;

const today = () => shanghaiDay(new Date());

/**
 * 数据看板 and 大屏: the subtree and range chosen, and every figure both pages show for them. The 大屏 reads
 * the same store, so it opens on what the dashboard showed.
 */
/** Starts reading the page's figures as soon as the route is chosen, while its code is downloading. */
export function prefetchFigures() {
  void useFiguresStore()
    .loadIfStale()
    .catch(() => undefined);
}

export const useFiguresStore = defineStore('figures', () => {
  /** The subtree's root; unset until the first answer names the caller's own top department. */
  const department = ref<number | undefined>();
  const preset = ref<RangePreset>('year');
  const range = ref<DateRange>(presetRange('year', today()));
  const previous = computed(() => previousRange(range.value, preset.value));

  const catalogue = ref<FigureCatalogueResponse['figures']>([]);
  /** Totals and the department breakdown (部门排名) of every KPI. */
  const overview = ref<FigureResult | null>(null);
  const previousTotals = ref<FigureValues>({});
  /** 原创/转发 by channel and month. */
  const trend = ref<FigureResult | null>(null);
  const byChannel = ref<FigureResult | null>(null);
  const byColumn = ref<FigureResult | null>(null);
  const staleAccounts = ref<FigureAccountRow[]>([]);
  /** The subtree's 采集异常 accounts (the server lists only those). */
  const failingAccounts = ref<Account[]>([]);
  const loading = ref(false);
  /** When the figures on screen were read; the 大屏 shows it. */
  const loadedAt = ref<Date | null>(null);

  const totals = computed<FigureValues>(() => overview.value?.totals ?? {});
  const departmentName = computed(() => overview.value?.department.name ?? '');
  /** The KPI figures on the page are those of the subtree and range now chosen (not of an earlier choice). */
  const current = computed(() => {
    const o = overview.value;
    return (
      o !== null &&
      o.from === range.value.from &&
      o.to === range.value.to &&
      (department.value === undefined || o.department.id === department.value)
    );
  });

  function choosePreset(next: RangePreset) {
    preset.value = next;
    if (next !== 'custom') range.value = presetRange(next, today());
  }

  function chooseRange(next: DateRange) {
    preset.value = 'custom';
    range.value = next;
  }

  /** 统计口径: the rule as the server states it, the shared catalogue's text until that has arrived. */
  function ruleOf(code: FigureCode): string {
    return catalogue.value.find((f) => f.code === code)?.rule ?? staticCatalogue[code].rule;
  }

  async function loadCatalogue() {
    if (catalogue.value.length === 0) catalogue.value = (await figuresApi.figureCatalogue()).figures;
  }

  // A later choice may be answered before an earlier one; only the latest request may fill the page.
  let generation = 0;

  /**
   * Reads every figure of the page. Each part is shown as soon as it arrives — the KPI cards do not wait
   * for the drill-down list of stale accounts — but only if no newer choice has been made since.
   */
  /** What the figures on the page are for, to tell a repeated request from a new choice. */
  const choiceKey = () => JSON.stringify([department.value, range.value, preset.value]);
  let pending: { key: string; work: Promise<void> } | null = null;
  let loadedKey: string | null = null;

  /**
   * load() unless the same choice is being read right now or was read less than `maxAgeMs` ago: the route
   * starts reading while its code is still downloading, and the page then joins that read instead of
   * asking again.
   */
  function loadIfStale(maxAgeMs = 10_000): Promise<void> {
    const key = choiceKey();
    if (pending?.key === key) return pending.work;
    const age = loadedAt.value ? Date.now() - loadedAt.value.getTime() : Infinity;
    if (loadedKey === key && age < maxAgeMs) return Promise.resolve();
    return load();
  }

  function load(): Promise<void> {
    const key = choiceKey();
    const work = read(key).finally(() => {
      if (pending?.work === work) pending = null;
    });
    pending = { key, work };
    return work;
  }

  async function read(key: string) {
    const mine = ++generation;
    const fresh = () => mine === generation;
    const show = <T>(work: Promise<T>, apply: (value: T) => void) =>
      work.then((value) => {
        if (fresh()) apply(value);
      });
    const base = { department: department.value, ...range.value };
    loading.value = true;
    try {
      await Promise.all([
        show(
          Promise.all([
            figuresApi.figures({ ...base, figures: kpiFigures, by: ['department'] }),
            figuresApi.figures({ ...base, ...previous.value, figures: kpiFigures }),
          ]),
          ([current, before]) => {
            overview.value = current;
            previousTotals.value = before.totals;
            department.value ??= current.department.id;
          },
        ),
        show(figuresApi.figures({ ...base, figures: trendFigures, by: ['channel', 'month'] }), (r) => {
          trend.value = r;
        }),
        show(
          figuresApi.figures({
            ...base,
            figures: [...channelFigureGroups.publishing, ...channelFigureGroups.engagement],
            by: ['channel'],
          }),
          (r) => {
            byChannel.value = r;
          },
        ),
        show(figuresApi.figures({ ...base, figures: quotaFigures, by: ['column'] }), (r) => {
          byColumn.value = r;
        }),
        show(
          figuresApi.figureRows({ ...base, figure: 'staleAccounts', page: 1, pageSize: STALE_LIST_SIZE }),
          (page) => {
            staleAccounts.value = page.kind === 'accounts' ? page.items : [];
          },
        ),
        show(listAccounts({ department: department.value, health: 'failing' }), (list) => {
          failingAccounts.value = list;
        }),
      ]);
      if (fresh()) {
        loadedAt.value = new Date();
        loadedKey = key;
      }
      // The rules behind the tooltips: the shared catalogue has them until the server's own arrive.
      void loadCatalogue().catch(() => undefined);
    } finally {
      if (fresh()) loading.value = false;
    }
  }

  /** 下钻: one page of the rows behind a number of the current subtree and range. */
  function drillRows(drill: ChartDrill, paging: { page: number; pageSize: number }) {
    const { key } = drill;
    return figuresApi.figureRows({
      figure: drill.figure,
      ...range.value,
      department: key.department ?? department.value,
      departmentOnly: drill.departmentOnly || undefined,
      account: key.account,
      channel: key.channel,
      column: key.column,
      month: key.month,
      ...paging,
    });
  }

  return {
    department,
    preset,
    range,
    previous,
    catalogue,
    overview,
    totals,
    departmentName,
    current,
    previousTotals,
    trend,
    byChannel,
    byColumn,
    staleAccounts,
    failingAccounts,
    loading,
    loadedAt,
    choosePreset,
    chooseRange,
    ruleOf,
    load,
    loadIfStale,
    drillRows,
  };
});
