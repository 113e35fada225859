import type { FigureResult } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { drillOf, type DrillDatum } from './drill';
import { monthLabels, trendOption } from './trend';

const rows: FigureResult['rows'] = [
  { key: { channel: 'weibo', month: '2025-01' }, values: { original: 12, forwarded: 30 } },
  { key: { channel: 'weibo', month: '2025-03' }, values: { original: 8, forwarded: 5 } },
  { key: { channel: 'wechat', month: '2025-02' }, values: { original: 4, forwarded: 0 } },
];
const labels = { original: '原创', forwarded: '转发' };
const months = ['2025-01', '2025-02', '2025-03'];

type Series = { name: string; stack: string; data: DrillDatum[]; itemStyle: { opacity: number } };
const seriesOf = (option: ReturnType<typeof trendOption>) => option.series as Series[];

describe('monthly trend of original vs forwarded', () => {
  it('draws a stacked pair per channel with data, portal first as the channel list orders them', () => {
    const series = seriesOf(trendOption({ rows, months, labels }));
    expect(series.map((s) => s.name)).toEqual([
      '政务微博·原创',
      '政务微博·转发',
      '政务微信·原创',
      '政务微信·转发',
    ]);
    expect(series.map((s) => s.stack)).toEqual(['weibo', 'weibo', 'wechat', 'wechat']);
    expect(series.map((s) => s.itemStyle.opacity)).toEqual([1, 0.45, 1, 0.45]);
  });

  it('fills a month without posts with zero, so the axis has no holes', () => {
    const [weiboOriginal, weiboForwarded, wechatOriginal] = seriesOf(trendOption({ rows, months, labels }));
    expect(weiboOriginal!.data.map((d) => d.value)).toEqual([12, 0, 8]);
    expect(weiboForwarded!.data.map((d) => d.value)).toEqual([30, 0, 5]);
    expect(wechatOriginal!.data.map((d) => d.value)).toEqual([0, 4, 0]);
  });

  it('lets every bar drill down to its figure, channel and month', () => {
    const [, weiboForwarded] = seriesOf(trendOption({ rows, months, labels }));
    expect(drillOf({ data: weiboForwarded!.data[2] })).toEqual({
      figure: 'forwarded',
      key: { channel: 'weibo', month: '2025-03' },
    });
  });

  it('labels months by number within a year, with the year across years', () => {
    expect(monthLabels(months)).toEqual(['1月', '2月', '3月']);
    expect(monthLabels(['2024-12', '2025-01'])).toEqual(['24年12月', '25年1月']);
    const option = trendOption({ rows, months, labels });
    expect((option.xAxis as { data: string[] }).data).toEqual(['1月', '2月', '3月']);
  });

  it('scales its text to the look asked for (the 大屏 at 4K)', () => {
    const option = trendOption({ rows, months, labels, look: { fontSize: 38 } });
    expect((option.xAxis as { axisLabel: { fontSize: number } }).axisLabel.fontSize).toBe(38);
    expect((option.legend as { textStyle: { fontSize: number } }).textStyle.fontSize).toBe(38);
  });

  it('draws no series when there is nothing to draw', () => {
    expect(seriesOf(trendOption({ rows: [], months, labels }))).toEqual([]);
  });
});
