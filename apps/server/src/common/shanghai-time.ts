/**
 * Calendar days are Asia/Shanghai days (UTC+8 all year, no daylight saving); instants are stored
 * in UTC. These turn a day into the UTC instants that bound it.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/** The first instant after the day (exclusive end). */
export function shanghaiDayEnd(day: string): Date {
  return new Date(shanghaiDayStart(day).getTime() + 24 * 3600 * 1000);
}

export function shanghaiDayOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
