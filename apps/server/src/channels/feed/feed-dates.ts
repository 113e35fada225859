// Item dates as feeds write them. RFC 822 and ISO 8601 with a zone are read as written; dates without a zone
// — "2024-01-05 10:00:00", "2024/1/5 10:00", "2024年01月05日", or a zone-less ISO or RFC 822 date — are what
// Chinese sites print in Beijing time, so they are read as Asia/Shanghai (V8 would take the machine's zone).
// Parsed by pattern: V8's lenient Date.parse turns even "Invalid Date +0800" into a year-800 date.
const SHANGHAI_MIN = 8 * 60;
// Month abbreviations of the feeds met in practice: English, and Portuguese/Spanish/German sites that
// localise RFC 822 ("Seg, 24 Set 2018"). None of them collide.
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  fev: 2,
  abr: 4,
  mai: 5,
  ago: 8,
  set: 9,
  out: 10,
  dez: 12,
  ene: 1,
  dic: 12,
  mär: 3,
  mrz: 3,
  okt: 10,
};
const NAMED_ZONES: Record<string, number> = {
  GMT: 0,
  UTC: 0,
  UT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const NUMERIC =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*(?::|分)\s*(\d{1,2})(?:\.\d+)?\s*秒?|\s*分)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RFC822 =
  /^(?:\p{L}{2,9}\.?,?\s+)?(\d{1,2})\s+(\p{L}{3})\p{L}*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,3})?$/u;

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return SHANGHAI_MIN;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return NAMED_ZONES[zone.toUpperCase()] ?? null;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  zone: string | undefined,
): Date | null {
  const offset = offsetMinutes(zone);
  if (offset === null || h > 23 || mi > 59 || s > 60) return null;
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2024-02-31 over to March: a day that does not exist is no date.
  if (local.getUTCFullYear() !== y || local.getUTCMonth() !== mo - 1 || local.getUTCDate() !== d) return null;
  return new Date(local.getTime() - offset * 60_000);
}

export function parseFeedDate(raw: string | undefined | null): Date | null {
  const value = raw?.trim();
  if (!value) return null;
  const n = NUMERIC.exec(value);
  if (n) return build(+n[1]!, +n[2]!, +n[3]!, +(n[4] ?? 0), +(n[5] ?? 0), +(n[6] ?? 0), n[7]);
  const r = RFC822.exec(value);
  if (!r) return null;
  const month = MONTHS[r[2]!.toLowerCase()];
  const year = r[3]!.length === 2 ? 2000 + Number(r[3]) : Number(r[3]);
  return month ? build(year, month, +r[1]!, +r[4]!, +r[5]!, +(r[6] ?? 0), r[7]) : null;
}
