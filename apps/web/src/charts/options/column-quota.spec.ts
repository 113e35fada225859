import { describe, expect, it } from 'vitest';
import { columnQuotaOption, quotaColor, quotaColors } from './column-quota';
import type { DrillDatum } from './drill';

type Bars = { data: (DrillDatum & { itemStyle: { color: string } })[] }[];

describe('column quota compliance', () => {
  const option = columnQuotaOption({
    entries: [
      { columnId: 1, label: '警务动态', rate: 1 },
      { columnId: 2, label: '通知公告', rate: 0.5 },
      { columnId: 3, label: '政策解读', rate: 0.75 },
      { columnId: 4, label: '新设栏目', rate: null },
    ],
  });
  const [bars] = option.series as Bars;

  it('puts the worst column at the top and leaves out a column with no period to judge', () => {
    // The first category is drawn at the bottom, so the top of the chart is the end of the list.
    expect((option.yAxis as { data: string[] }).data).toEqual(['警务动态', '政策解读', '通知公告']);
  });

  it('draws rates as percentages with one decimal', () => {
    expect(bars!.data.map((d) => d.value)).toEqual([100, 75, 50]);
  });

  it('colours met green, partly met amber and failing red', () => {
    expect(bars!.data.map((d) => d.itemStyle.color)).toEqual([
      quotaColors.met,
      quotaColors.partly,
      quotaColors.failing,
    ]);
    expect(quotaColor(0.6)).toBe(quotaColors.partly);
    expect(quotaColor(0.59)).toBe(quotaColors.failing);
  });

  it('drills down to the periods of the column', () => {
    expect(bars!.data[2]!.drill).toEqual({ figure: 'columnQuotaRate', key: { column: 2 } });
  });
});
