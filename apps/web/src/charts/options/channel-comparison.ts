import { channelLabels, type Channel, type FigureCode, type FigureResult } from '@sunlight/contracts';
import type { ChartOption } from '../echarts';
import { defaultLook, type ChartLook, type DrillDatum } from './drill';

export interface ChannelComparisonInput {
  /** Rows of GET /api/figures?by=channel. */
  rows: FigureResult['rows'];
  /** The figures to set side by side, in order, with their labels. */
  figures: readonly { code: FigureCode; label: string }[];
  look?: ChartLook;
}

/** 渠道对比: one group of bars per channel that has data, one bar per figure. */
export function channelComparisonOption(input: ChannelComparisonInput): ChartOption {
  const { fontSize } = input.look ?? defaultLook;
  const byChannel = new Map(input.rows.map((r) => [r.key.channel, r.values]));
  const channels = (Object.keys(channelLabels) as Channel[]).filter((c) => byChannel.has(c));
  return {
    textStyle: { fontSize },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize } },
    legend: { top: 0, textStyle: { fontSize }, itemWidth: fontSize * 2, itemHeight: fontSize },
    grid: { left: fontSize * 4, right: fontSize * 2, top: fontSize * 3.5, bottom: fontSize * 2.5 },
    xAxis: { type: 'category', data: channels.map((c) => channelLabels[c]), axisLabel: { fontSize } },
    yAxis: { type: 'value', axisLabel: { fontSize } },
    series: input.figures.map((figure) => ({
      type: 'bar' as const,
      name: figure.label,
      barMaxWidth: 36,
      label: { show: true, position: 'top' as const, fontSize: fontSize * 0.9 },
      data: channels.map((channel): DrillDatum => ({
        value: byChannel.get(channel)?.[figure.code] ?? 0,
        drill: { figure: figure.code, key: { channel } },
      })),
    })),
  };
}
