/** An instant as people in the office read it in a timeline: 2026-12-01 10:00 (Asia/Shanghai, UTC+8). */
export function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}
