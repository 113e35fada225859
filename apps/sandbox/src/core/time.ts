// Date formats the platforms use. Chinese platforms speak Beijing time (UTC+8, no DST).
const CST_MS = 8 * 3600_000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function cst(ms: number): Date {
  return new Date(ms + CST_MS);
}

/** Weibo `created_at`: "Tue May 31 17:46:55 +0800 2011". */
export function weiboDate(ms: number): string {
  const d = cst(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} +0800 ${d.getUTCFullYear()}`;
}

/** "YYYY-MM-DD" of the Beijing calendar day that contains `ms`. */
export function ymd(ms: number): string {
  const d = cst(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "YYYY-MM-DD HH:mm:ss" in Beijing time, as government CMSes print dates. */
export function cstDateTime(ms: number): string {
  const d = cst(ms);
  return `${ymd(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** ISO 8601 with the +08:00 offset. */
export function isoCst(ms: number): string {
  return `${cstDateTime(ms).replace(' ', 'T')}+08:00`;
}

/** Beijing hour of day, 0–23. */
export function cstHour(ms: number): number {
  return cst(ms).getUTCHours();
}

const YMD_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight (Beijing) of a "YYYY-MM-DD" day as epoch ms, or null when the text is not such a date. */
export function parseYmd(text: string): number | null {
  const m = YMD_RE.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CST_MS;
  return ymd(ms) === text ? ms : null;
}

export const DAY_MS = 86_400_000;

/** Start (epoch ms) of the Beijing hour containing `ms`: Weibo's rate-limit windows reset on the hour. */
export function hourStart(ms: number): number {
  return Math.floor(ms / 3600_000) * 3600_000;
}

/** Start (epoch ms) of the Beijing day containing `ms`: WeChat daily quotas reset at midnight. */
export function dayStart(ms: number): number {
  return parseYmd(ymd(ms)) as number;
}

export function minuteStart(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}
