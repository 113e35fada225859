import { type CalendarEvent } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import {
  groupByDay,
  groupByHour,
  monthGrid,
  movedDueAt,
  rangeOf,
  shanghaiDay,
  weekGrid,
} from './calendar-grid';

const event = (publicationId: number, at: string): CalendarEvent => ({
  publicationId,
  postId: 1,
  title: `稿件${publicationId}`,
  channel: 'weibo',
  accountId: 1,
  accountName: '平安示范',
  departmentId: 1,
  departmentName: '宣传处',
  columnId: null,
  columnName: null,
  status: 'queued',
  source: 'sunlight',
  at,
  url: null,
  movable: true,
});

describe('the calendar grid', () => {
  it('lays a month out in six weeks from Monday', () => {
    const grid = monthGrid('2026-12');
    expect(grid).toHaveLength(42);
    expect(grid[0]).toEqual({ day: '2026-11-30', inMonth: false });
    expect(grid[1]).toEqual({ day: '2026-12-01', inMonth: true });
    expect(rangeOf('month', '2026-12-15')).toEqual({ from: '2026-11-30', to: '2027-01-10' });
  });

  it('lays a week out from Monday to Sunday', () => {
    expect(weekGrid('2026-12-06')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('files events under their Beijing day and hour, in time order', () => {
    // 2026-12-01 17:30 UTC is 2026-12-02 01:30 in Beijing.
    const late = event(1, '2026-12-01T17:30:00.000Z');
    const early = event(2, '2026-12-01T01:00:00.000Z');
    const later = event(3, '2026-12-01T02:30:00.000Z');
    const byDay = groupByDay([later, late, early]);
    expect(shanghaiDay(late.at)).toBe('2026-12-02');
    expect(byDay.get('2026-12-01')!.map((e) => e.publicationId)).toEqual([2, 3]);
    expect(byDay.get('2026-12-02')!.map((e) => e.publicationId)).toEqual([1]);
    expect([...groupByHour([late, early]).keys()]).toEqual(['2026-12-01 09', '2026-12-02 01']);
  });

  it('keeps the time of day when an event is dragged to another day, and the minute to another hour', () => {
    expect(movedDueAt('2026-12-01T02:30:00.000Z', '2026-12-05')).toBe('2026-12-05T02:30:00.000Z');
    expect(movedDueAt('2026-12-01T02:30:00.000Z', '2026-12-05', 20)).toBe('2026-12-05T12:30:00.000Z');
  });
});
