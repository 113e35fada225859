/**
 * How the safety gate compares text with its dictionaries: compatibility-normalised (NFKC, so 全角 ＡＢＣ１２３
 * and 半角 ABC123 are the same) and lower-cased (Latin letters match in any case).
 *
 * The fold is applied one code point at a time. Whole-string NFKC would also compose combining sequences
 * (e + U+0301 → é), which Chinese publicity text does not need, and it would make it impossible to say
 * which original characters a folded character came from. Per code point, every folded unit traces back
 * to exactly one original character, so a hit found in folded text maps back to its place in the
 * original. Dictionary entries are folded by the same function, so both sides always agree.
 */

/** `simpleFold[u]`: what a BMP unit folds to when that is again exactly one non-surrogate unit. */
let simpleFold: Uint16Array | undefined;
/** 1 where a unit's fold changes the length (㈱ → (株), ß → ss) or the unit is half of a surrogate pair. */
let complexUnit: Uint8Array | undefined;
const codePointFolds = new Map<number, string>();

const isSurrogate = (u: number) => u >= 0xd800 && u <= 0xdfff;

function buildTables(): void {
  const fold = new Uint16Array(0x10000);
  const complex = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) {
    if (isSurrogate(u)) {
      fold[u] = u;
      complex[u] = 1;
      continue;
    }
    const folded = String.fromCharCode(u).normalize('NFKC').toLowerCase();
    const single = folded.length === 1 && !isSurrogate(folded.charCodeAt(0));
    fold[u] = single ? folded.charCodeAt(0) : u;
    complex[u] = single ? 0 : 1;
  }
  simpleFold = fold;
  complexUnit = complex;
}

/** The one-unit folds and the complex-unit flags, built once per process (65,536 entries each). */
export function foldTables(): { simpleFold: Uint16Array; complexUnit: Uint8Array } {
  if (!simpleFold || !complexUnit) buildTables();
  return { simpleFold: simpleFold!, complexUnit: complexUnit! };
}

/** The fold of one code point (astral ones included), cached: emoji and rare characters repeat. */
export function foldCodePoint(cp: number): string {
  let folded = codePointFolds.get(cp);
  if (folded === undefined) {
    folded = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    // Bounded: a hostile text cannot grow the cache past the number of code points that exist.
    codePointFolds.set(cp, folded);
  }
  return folded;
}

export interface FoldedText {
  text: string;
  /** For each unit of `text`: where its original character starts. Null when nothing moved. */
  from: Int32Array | null;
  /** For each unit of `text`: where its original character ends (exclusive). */
  to: Int32Array | null;
}

/** Folds a whole string, keeping the way back to the original's positions. */
export function foldText(original: string): FoldedText {
  const { simpleFold: fold, complexUnit: complex } = foldTables();
  const n = original.length;
  let moved = false;
  for (let i = 0; i < n; i++) {
    if (complex[original.charCodeAt(i)] === 1) {
      moved = true;
      break;
    }
  }
  if (!moved) {
    let out = '';
    // Same length: positions are unchanged, only the characters may differ (ＡＢＣ → abc).
    for (let i = 0; i < n; i += 4096) {
      const chunk: number[] = [];
      const end = Math.min(n, i + 4096);
      for (let j = i; j < end; j++) chunk.push(fold[original.charCodeAt(j)]!);
      out += String.fromCharCode(...chunk);
    }
    return { text: out, from: null, to: null };
  }
  const units: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < n;) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const u = original.charCodeAt(i);
    const folded = width === 1 && complex[u] === 0 ? String.fromCharCode(fold[u]!) : foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      units.push(folded.charCodeAt(k));
      from.push(i);
      to.push(i + width);
    }
    i += width;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return { text, from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** The folded form of a dictionary entry, the form it is matched in. */
export function foldTerm(term: string): string {
  return foldText(term).text;
}

/** Whether an astral code point folds to itself (most emoji and rare CJK do; 𝐀 does not). */
export function astralFoldsToSelf(cp: number): boolean {
  const folded = foldCodePoint(cp);
  return folded.length === 2 && folded.codePointAt(0) === cp;
}
