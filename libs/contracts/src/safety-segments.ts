import { type HitLevel } from './safety-vocabulary';

// Highlighting hits in place: the text cut into plain runs and marked runs, computed once here so the
// editor, the review page and the admin's 试一试 box all mark the same characters.

export interface HitSpan {
  start: number;
  end: number;
  level: HitLevel;
}

export interface TextSegment<H extends HitSpan> {
  start: number;
  end: number;
  text: string;
  /** Empty for plain text. For a marked run: every hit in it, the longest first (what a tooltip shows). */
  hits: H[];
  /** The most serious level among the hits; null for plain text. */
  level: HitLevel | null;
}

const severity = (level: HitLevel) => (level === 'block' ? 2 : 1);

/** Longest first; at equal length the more serious first, then the earlier. */
function byDisplayOrder(a: HitSpan, b: HitSpan): number {
  return b.end - b.start - (a.end - a.start) || severity(b.level) - severity(a.level) || a.start - b.start;
}

/**
 * Cuts `text` into segments. Overlapping hits (他们 and 们的 in 他们的) form one marked run covering all of
 * them, so no hit is ever hidden behind another; the run is as serious as its worst hit and names the
 * longest one first. Hits outside the text (a stale result for an edited text) are clipped or dropped.
 */
export function segmentText<H extends HitSpan>(text: string, hits: readonly H[]): TextSegment<H>[] {
  const valid = hits
    .map((h) => ({ h, start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
    .filter((x) => x.end > x.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment<H>[] = [];
  let at = 0;
  for (let i = 0; i < valid.length;) {
    const start = valid[i]!.start;
    let end = valid[i]!.end;
    const run: H[] = [];
    while (i < valid.length && valid[i]!.start < end) {
      end = Math.max(end, valid[i]!.end);
      run.push(valid[i]!.h);
      i++;
    }
    if (start > at)
      segments.push({ start: at, end: start, text: text.slice(at, start), hits: [], level: null });
    run.sort(byDisplayOrder);
    const level: HitLevel = run.some((h) => h.level === 'block') ? 'block' : 'warn';
    segments.push({ start, end, text: text.slice(start, end), hits: run, level });
    at = end;
  }
  if (at < text.length)
    segments.push({ start: at, end: text.length, text: text.slice(at), hits: [], level: null });
  return segments;
}

/** Line and column (1-based) of a position, for listing hits as 第 3 行第 12 字. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters, so an emoji (two UTF-16 units) is one column, as a person counts.
  return { line, column: [...text.slice(lineStart, end)].length + 1 };
}
