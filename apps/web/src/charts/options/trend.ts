import { channelLabels, type Channel, type FigureResult } from '@sunlight/contracts';
import { channelColors } from '@/utils/calendar-grid';
import type { ChartOption } from '../echarts';
import { defaultLook, type ChartLook, type DrillDatum } from './drill';

export interface TrendInput {
  /** Rows of GET /api/figures?by=channel,month with `original` and `forwarded`. */
  rows: FigureResult['rows'];
  /** Every month of the range (YYYY-MM), so a month without posts shows as zero, not as a gap. */
  months: readonly string[];
  labels: { original: string; forwarded: string };
  look?: ChartLook;
}

const kinds = ['original', 'forwarded'] as const;

/** `2025-03` → `3月`; across years the year stays: `24年12月`. */
export function monthLabels(months: readonly string[]): string[] {
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size <= 1;
  return months.map((m) => {
    const month = `${Number(m.slice(5, 7))}月`;
    return oneYear ? month : `${m.slice(2, 4)}年${month}`;
  });
}

/**
 * 原创 vs 转发 by month, one stacked bar per channel and month: the channel's colour solid for original
 * posts, faded for forwards, so both the channel's volume and its mix read at a glance.
 */
export function trendOption(input: TrendInput): ChartOption {
  const { fontSize } = input.look ?? defaultLook;
  const present = new Set(input.rows.map((r) => r.key.channel).filter((c): c is Channel => c !== undefined));
  const channels = (Object.keys(channelLabels) as Channel[]).filter((c) => present.has(c));
  const value = new Map(input.rows.map((r) => [`${r.key.channel}|${r.key.month}`, r.values]));
  const series = channels.flatMap((channel) =>
    kinds.map((figure) => ({
      type: 'bar' as const,
      name: `${channelLabels[channel]}·${input.labels[figure]}`,
      stack: channel,
      barMaxWidth: 28,
      itemStyle: { color: channelColors[channel], opacity: figure === 'original' ? 1 : 0.45 },
      emphasis: { focus: 'series' as const },
      data: input.months.map((month): DrillDatum => ({
        value: value.get(`${channel}|${month}`)?.[figure] ?? 0,
        drill: { figure, key: { channel, month } },
      })),
    })),
  );
  return {
    textStyle: { fontSize },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize } },
    legend: { top: 0, type: 'plain', textStyle: { fontSize }, itemWidth: fontSize * 2, itemHeight: fontSize },
    grid: { left: fontSize * 3, right: fontSize * 2, top: fontSize * 4, bottom: fontSize * 2.5 },
    xAxis: { type: 'category', data: monthLabels(input.months), axisLabel: { fontSize } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize } },
    series,
  };
}
