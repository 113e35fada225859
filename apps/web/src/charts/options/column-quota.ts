import type { ChartOption } from '../echarts';
import { defaultLook, type ChartLook, type DrillDatum } from './drill';

export interface ColumnQuotaEntry {
  columnId: number;
  label: string;
  /** 栏目更新达标率 as a fraction (0–1); null when the column had no period to judge. */
  rate: number | null;
}

export interface ColumnQuotaInput {
  entries: readonly ColumnQuotaEntry[];
  look?: ChartLook;
}

/** Green when every period met its quota, amber from 60 %, red below: the columns to chase stand out. */
export const quotaColors = { met: '#07a35a', partly: '#e6a23c', failing: '#e6162d' } as const;

export function quotaColor(rate: number | null): string {
  if (rate === null) return '#909399';
  if (rate >= 1) return quotaColors.met;
  return rate >= 0.6 ? quotaColors.partly : quotaColors.failing;
}

/** 栏目更新达标率 per column, the worst at the top, as a percentage bar with its label. */
export function columnQuotaOption(input: ColumnQuotaInput): ChartOption {
  const { fontSize } = input.look ?? defaultLook;
  const judged = input.entries.filter((e) => e.rate !== null);
  // Worst first reads top-down; ECharts draws the first category at the bottom, hence descending here.
  const shown = [...judged].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || a.label.localeCompare(b.label));
  const longest = Math.max(4, ...shown.map((e) => e.label.length));
  return {
    textStyle: { fontSize },
    tooltip: { trigger: 'item', textStyle: { fontSize } },
    grid: { left: Math.min(longest, 10) * fontSize + fontSize, right: fontSize * 5, top: 8, bottom: 8 },
    xAxis: { type: 'value', max: 100, show: false },
    yAxis: {
      type: 'category',
      data: shown.map((e) => e.label),
      axisTick: { show: false },
      axisLabel: { fontSize },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: fontSize * 1.8,
        label: { show: true, position: 'right', fontSize, formatter: '{c}%' },
        data: shown.map((e): DrillDatum & { itemStyle: { color: string } } => ({
          value: Math.round((e.rate ?? 0) * 1000) / 10,
          itemStyle: { color: quotaColor(e.rate) },
          drill: { figure: 'columnQuotaRate', key: { column: e.columnId } },
        })),
      },
    ],
  };
}
