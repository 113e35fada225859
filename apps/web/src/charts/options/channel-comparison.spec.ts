import type { FigureResult } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { channelComparisonOption } from './channel-comparison';
import type { DrillDatum } from './drill';

const rows: FigureResult['rows'] = [
  { key: { channel: 'wechat' }, values: { published: 40, original: 30, forwarded: 10 } },
  { key: { channel: 'portal' }, values: { published: 120, original: 120, forwarded: 0 } },
  { key: { channel: 'weibo' }, values: { published: 300, original: 90, forwarded: null } },
];
const figures = [
  { code: 'published', label: '发布总数' },
  { code: 'forwarded', label: '转发' },
] as const;

describe('channel comparison', () => {
  const option = channelComparisonOption({ rows, figures });
  const series = option.series as { name: string; data: DrillDatum[] }[];

  it('puts the channels in their usual order and one bar series per figure', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['门户网站', '政务微博', '政务微信']);
    expect(series.map((s) => s.name)).toEqual(['发布总数', '转发']);
    expect(series[0]!.data.map((d) => d.value)).toEqual([120, 300, 40]);
  });

  it('draws a figure the channel does not have as zero', () => {
    expect(series[1]!.data.map((d) => d.value)).toEqual([0, 0, 10]);
  });

  it('drills down to the figure on that channel', () => {
    expect(series[1]!.data[2]!.drill).toEqual({ figure: 'forwarded', key: { channel: 'wechat' } });
  });
});
