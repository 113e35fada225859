// Weibo's created_at: "Tue May 31 17:46:55 +0800 2011" (the format of Twitter's v1 API), which
// Date.parse reads on V8 but not by any standard; parsed by hand so no engine quirk decides a date.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PATTERN = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

export function parseWeiboDate(value: string): Date | null {
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const [, mon, day, hh, mm, ss, sign, oh, om, year] = m as unknown as string[];
  const month = MONTHS.indexOf(mon!);
  if (month < 0) return null;
  const offsetMin = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const utc = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
  return new Date(utc - offsetMin * 60_000);
}
