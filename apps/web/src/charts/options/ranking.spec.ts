import { describe, expect, it } from 'vitest';
import type { DrillDatum } from './drill';
import { rankingOption, type RankingEntry } from './ranking';

const entry = (label: string, value: number | null, department: number): RankingEntry => ({
  label,
  value,
  drill: { figure: 'published', key: { department } },
});
const entries = [entry('东城分局', 300, 2), entry('西城分局', 200, 3), entry('南湖分局', 100, 4)];

type Bars = { data: DrillDatum[]; label: { formatter: (p: { data?: unknown }) => string } }[];

describe('department ranking bars', () => {
  it('reads top-down from the first place (ECharts draws the first category at the bottom)', () => {
    const option = rankingOption({ entries, figureLabel: '发布总数', format: String });
    expect((option.yAxis as { data: string[] }).data).toEqual(['南湖分局', '西城分局', '东城分局']);
    expect((option.series as Bars)[0]!.data.map((d) => d.value)).toEqual([100, 200, 300]);
  });

  it('shows only as many places as the screen has room for', () => {
    const option = rankingOption({ entries, figureLabel: '发布总数', format: String, limit: 2 });
    expect((option.yAxis as { data: string[] }).data).toEqual(['西城分局', '东城分局']);
  });

  it('labels each bar with the figure formatted and drills to its department', () => {
    const option = rankingOption({
      entries,
      figureLabel: '原创率',
      format: (v) => (v === null ? '—' : `${v}条`),
    });
    const [bars] = option.series as Bars;
    expect(bars!.label.formatter({ data: bars!.data[2] })).toBe('300条');
    expect(bars!.label.formatter({ data: { value: null } })).toBe('—');
    expect(bars!.data[2]!.drill).toEqual({ figure: 'published', key: { department: 2 } });
  });

  it('does not change the entries it was given', () => {
    rankingOption({ entries, figureLabel: '发布总数', format: String });
    expect(entries.map((e) => e.label)).toEqual(['东城分局', '西城分局', '南湖分局']);
  });
});
