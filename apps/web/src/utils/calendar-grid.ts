import { addDays, type CalendarEvent, type Channel, periodContaining } from '@sunlight/contracts';

// The content calendar's arithmetic: which days a month or week view shows, which events fall on which day
// and hour (in Asia/Shanghai, whatever the browser's zone), and where a dragged event lands.

const OFFSET_MS = 8 * 3600 * 1000;

/** The Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDay(iso: string | Date): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai hour (0–23) of an instant. */
export function shanghaiHour(iso: string): number {
  return new Date(new Date(iso).getTime() + OFFSET_MS).getUTCHours();
}

// One day arithmetic for the calendar, the quota periods and the dashboard's ranges.
export { addDays };

/** Monday of the week the day is in (Chinese calendars start the week on Monday). */
export function weekStart(day: string): string {
  return periodContaining('week', day).start;
}

export interface GridDay {
  day: string;
  inMonth: boolean;
}

/** Six weeks from the Monday on or before the 1st: every month fits, and the grid never changes height. */
export function monthGrid(month: string): GridDay[] {
  const first = `${month}-01`;
  const start = weekStart(first);
  return Array.from({ length: 42 }, (_, i) => {
    const day = addDays(start, i);
    return { day, inMonth: day.startsWith(month) };
  });
}

export function weekGrid(day: string): string[] {
  const start = weekStart(day);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** Events per Shanghai day, each day in time order. */
export function groupByDay(events: readonly CalendarEvent[]): Map<string, CalendarEvent[]> {
  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    const day = shanghaiDay(e.at);
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  return byDay;
}

/** Events per `day hour` key (`2026-12-01 09`), for the week view's rows. */
export function groupByHour(events: readonly CalendarEvent[]): Map<string, CalendarEvent[]> {
  const byHour = new Map<string, CalendarEvent[]>();
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    const key = hourKey(shanghaiDay(e.at), shanghaiHour(e.at));
    byHour.set(key, [...(byHour.get(key) ?? []), e]);
  }
  return byHour;
}

export const hourKey = (day: string, hour: number) => `${day} ${String(hour).padStart(2, '0')}`;

/**
 * Where a publication dropped on another day (and, in the week view, another hour) is due: the same minute
 * of the hour, and the same time of day when only the day changes.
 */
export function movedDueAt(at: string, day: string, hour?: number): string {
  const local = new Date(new Date(at).getTime() + OFFSET_MS);
  const h = hour ?? local.getUTCHours();
  const minutes = local.getUTCMinutes();
  const utc = Date.parse(`${day}T00:00:00Z`) + (h * 60 + minutes) * 60_000 - OFFSET_MS;
  return new Date(utc).toISOString();
}

/** The range to ask the server for: the whole grid shown. */
export function rangeOf(view: 'month' | 'week', anchor: string): { from: string; to: string } {
  if (view === 'week') {
    const days = weekGrid(anchor);
    return { from: days[0]!, to: days[6]! };
  }
  const grid = monthGrid(anchor.slice(0, 7));
  return { from: grid[0]!.day, to: grid[41]!.day };
}

/** One colour per channel, the same in every view and legend. */
export const channelColors: Record<Channel, string> = {
  weibo: '#e6162d',
  wechat: '#07c160',
  portal: '#1d5bbf',
  feed: '#909399',
};
