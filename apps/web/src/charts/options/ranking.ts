import type { ChartOption } from '../echarts';
import { defaultLook, type ChartDrill, type ChartLook, type DrillDatum } from './drill';

export interface RankingEntry {
  label: string;
  value: number | null;
  drill: ChartDrill;
}

export interface RankingInput {
  /** Already in rank order, best first. */
  entries: readonly RankingEntry[];
  figureLabel: string;
  /** How a value reads on its bar (`1,234`, `85.0%`). */
  format: (value: number | null) => string;
  /** The 大屏 has room for this many bars. */
  limit?: number;
  look?: ChartLook;
}

/** 部门排名 as horizontal bars, the first place at the top. */
export function rankingOption(input: RankingInput): ChartOption {
  const { fontSize } = input.look ?? defaultLook;
  // ECharts draws the first category at the bottom of a vertical category axis; reverse to read top-down.
  const shown = input.entries.slice(0, input.limit ?? input.entries.length).reverse();
  // Labels are CJK, about one font size wide a character, plus room for the axis gap.
  const longest = Math.min(14, Math.max(4, ...shown.map((e) => e.label.length)) + 1);
  return {
    textStyle: { fontSize },
    tooltip: { trigger: 'item', textStyle: { fontSize } },
    grid: { left: longest * fontSize + fontSize, right: fontSize * 6, top: 8, bottom: 8 },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: shown.map((e) => e.label),
      axisTick: { show: false },
      axisLabel: { fontSize, width: longest * fontSize, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: input.figureLabel,
        barMaxWidth: fontSize * 2,
        label: {
          show: true,
          position: 'right',
          fontSize,
          formatter: (p: { data?: unknown }) =>
            input.format((p.data as DrillDatum | undefined)?.value ?? null),
        },
        data: shown.map((e): DrillDatum => ({ value: e.value, drill: e.drill })),
      },
    ],
  };
}
