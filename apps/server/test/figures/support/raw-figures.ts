// The reference: every figure computed straight from the raw rows with plain code, to hold the rollups to.
import {
  calendarDaysBetween,
  type FigureCode,
  figureCodes,
  figureCatalogue,
  type FigureValues,
  periodsStartingIn,
  quotaOutcome,
  quotaPeriodJudged,
  type QuotaPeriod,
  staleAfterDays,
} from '@sunlight/contracts';
import { type DataSource } from 'typeorm';

interface Raw {
  departments: Array<{ id: number; path: string }>;
  accounts: Array<{ id: number; departmentId: number; channel: string; disabled: boolean; createdAt: Date }>;
  columns: Array<{
    id: number;
    accountId: number;
    period: QuotaPeriod | null;
    min: number | null;
    responsible: number | null;
    disabled: boolean;
  }>;
  publications: Array<{
    id: number;
    accountId: number;
    columnId: number | null;
    kind: string;
    status: string;
    at: Date | null;
  }>;
  snapshots: Array<{
    id: number;
    publicationId: number;
    takenAt: Date;
    day: string | null;
    m: Record<string, number | null>;
  }>;
}

const METRICS = ['reposts', 'reads', 'likes', 'comments', 'page_views'] as const;
const instant = (v: string | Date) => (v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`));
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function readRaw(ds: DataSource): Promise<Raw> {
  const q = <T>(sql: string) => ds.query<T[]>(sql);
  const [departments, accounts, columns, publications, snapshots] = await Promise.all([
    q<{ id: number; path: string }>('SELECT id, path FROM departments'),
    q<Record<string, string | number | Date>>(
      'SELECT id, department_id, channel, disabled, created_at FROM accounts',
    ),
    q<Record<string, string | number | null>>(
      'SELECT id, account_id, quota_period, quota_min, responsible_department_id, disabled FROM columns',
    ),
    q<Record<string, string | number | Date | null>>(
      'SELECT id, account_id, column_id, kind, status, published_at FROM publications',
    ),
    q<Record<string, string | number | Date | null>>('SELECT * FROM metric_snapshots'),
  ]);
  return {
    departments: departments.map((d) => ({ id: Number(d.id), path: d.path })),
    accounts: accounts.map((a) => ({
      id: Number(a.id),
      departmentId: Number(a.department_id),
      channel: String(a.channel),
      disabled: Number(a.disabled) === 1,
      createdAt: instant(a.created_at as string),
    })),
    columns: columns.map((c) => ({
      id: Number(c.id),
      accountId: Number(c.account_id),
      period: c.quota_period as QuotaPeriod | null,
      min: c.quota_min === null ? null : Number(c.quota_min),
      responsible: c.responsible_department_id === null ? null : Number(c.responsible_department_id),
      disabled: Number(c.disabled) === 1,
    })),
    publications: publications.map((p) => ({
      id: Number(p.id),
      accountId: Number(p.account_id),
      columnId: p.column_id === null ? null : Number(p.column_id),
      kind: String(p.kind),
      status: String(p.status),
      at: p.published_at === null ? null : instant(p.published_at as string),
    })),
    snapshots: snapshots.map((s) => ({
      id: Number(s.id),
      publicationId: Number(s.publication_id),
      takenAt: instant(s.taken_at as string),
      day: s.day === null ? null : String(s.day),
      m: Object.fromEntries(METRICS.map((k) => [k, s[k] === null ? null : Number(s[k])])),
    })),
  };
}

/**
 * Every figure for the departments `inScope` selects over from..to, judged at `now`. A publication's
 * totals: the sum of its day rows if it has any, else its latest running-total row.
 */
export function rawFigures(
  raw: Raw,
  inScope: (departmentId: number) => boolean,
  from: string,
  to: string,
  now: Date,
): FigureValues {
  const counted: Partial<Record<FigureCode, number>> = {};
  const add = (code: FigureCode, n: number) => (counted[code] = (counted[code] ?? 0) + n);
  const accounts = new Map(raw.accounts.map((a) => [a.id, a]));
  for (const p of raw.publications) {
    const a = accounts.get(p.accountId)!;
    if (p.status !== 'published' || !p.at || !inScope(a.departmentId)) continue;
    const day = shanghaiDay(p.at);
    if (day < from || day > to) continue;
    add('published', 1);
    add(p.kind === 'original' ? 'original' : p.kind === 'forward' ? 'forwarded' : 'unclassified', 1);
    const mine = raw.snapshots.filter((s) => s.publicationId === p.id);
    const dated = mine.filter((s) => s.day !== null);
    const latest = mine
      .filter((s) => s.day === null)
      .sort((x, y) => y.takenAt.getTime() - x.takenAt.getTime() || y.id - x.id)[0];
    const total = (k: (typeof METRICS)[number]) =>
      dated.length ? dated.reduce((n, s) => n + (s.m[k] ?? 0), 0) : (latest?.m[k] ?? 0);
    add('repostedByOthers', total('reposts'));
    add('reads', total('reads'));
    add('likes', total('likes'));
    add('comments', total('comments'));
    add('portalUpdates', a.channel === 'portal' ? 1 : 0);
    add('pageViews', a.channel === 'portal' ? total('page_views') : 0);
  }
  const today = shanghaiDay(now);
  for (const c of raw.columns) {
    const a = accounts.get(c.accountId)!;
    if (c.disabled || a.disabled || a.channel !== 'portal' || !c.period || c.min === null) continue;
    if (!inScope(c.responsible ?? a.departmentId)) continue;
    const rule = { period: c.period, min: c.min, max: null };
    for (const span of periodsStartingIn(c.period, from, to < today ? to : today)) {
      const done = raw.publications.filter(
        (p) =>
          p.columnId === c.id &&
          p.status === 'published' &&
          p.at &&
          shanghaiDay(p.at) >= span.start &&
          shanghaiDay(p.at) <= span.end,
      ).length;
      const outcome = quotaOutcome(rule, done, span, today);
      if (!quotaPeriodJudged(outcome)) continue;
      add('quotaPeriods', 1);
      add('quotaPeriodsMet', outcome === 'met' ? 1 : 0);
    }
  }
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000);
  const asOf = end < now ? new Date(end.getTime() - 1) : now;
  for (const a of raw.accounts) {
    if (a.disabled || a.channel === 'feed' || !inScope(a.departmentId)) continue;
    const times = raw.publications
      .filter((p) => p.accountId === a.id && p.status === 'published' && p.at && p.at < asOf)
      .map((p) => p.at!.getTime());
    const last = times.length ? new Date(Math.max(...times)) : null;
    add('staleAccounts', calendarDaysBetween(last ?? a.createdAt, asOf) >= staleAfterDays ? 1 : 0);
  }
  const values: FigureValues = {};
  for (const code of figureCodes) {
    const ratio = figureCatalogue[code].ratioOf;
    if (!ratio) values[code] = counted[code] ?? 0;
    else {
      const den = counted[ratio.denominator] ?? 0;
      values[code] = den === 0 ? null : (counted[ratio.numerator] ?? 0) / den;
    }
  }
  return values;
}

/** Whether a department lies in the subtree of `root` (by the materialised path). */
export function subtreeOf(raw: Raw, root: number): (departmentId: number) => boolean {
  const path = new Map(raw.departments.map((d) => [d.id, d.path]));
  const prefix = path.get(root)!;
  return (id) => path.get(id)!.startsWith(prefix);
}
