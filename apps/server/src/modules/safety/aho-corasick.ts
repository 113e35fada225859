import { MatchList } from './match-list';
import { astralFoldsToSelf, foldTables, foldTerm, foldText } from './text-fold';

/**
 * Aho–Corasick over UTF-16 code units in typed arrays: the content gate's hot path (≥ 50 MB/s of Chinese
 * text against 50,000 entries, bench/scan). Written here rather than taken from npm because the packages
 * there either build their tries from objects and Maps (an order of magnitude slower on 50,000 Chinese
 * entries) or segment text into graphemes with Intl.Segmenter; and because the gate needs matching on
 * folded text (NFKC, lower case) with positions in the original, which is woven into the scan loop below.
 *
 * Layout: every code unit that occurs in some pattern gets a dense alphabet id (0 = in no pattern, which
 * sends the scan straight back to the root). The root's transitions are a dense array; all others live in
 * one open-addressing hash table of (state, letter) → state. Failure links make each text unit cost O(1)
 * amortised. `outHead`/`outNext` chain the states that end a pattern, so overlapping matches (他们, 们的)
 * are all reported.
 */
export class AhoCorasick {
  private constructor(
    /** Patterns with a non-empty fold, i.e. ones that can match. */
    readonly patternCount: number,
    /** Per original unit: the alphabet id of its fold; -1 where folding changes the length. */
    private readonly unitAlpha: Int32Array,
    /** Per already-folded unit: its alphabet id. */
    private readonly exactAlpha: Int32Array,
    private readonly rootNext: Int32Array,
    /** Hash slots of three ints: state + 1 (0 = empty), letter, target state. */
    private readonly slots: Int32Array,
    private readonly hashShift: number,
    private readonly fail: Int32Array,
    private readonly depth: Int32Array,
    /** The first state on the suffix chain (the state itself included) that ends a pattern; 0 if none. */
    private readonly outHead: Int32Array,
    /** For a state that ends a pattern: the next such state on its suffix chain; 0 if none. */
    private readonly outNext: Int32Array,
    /** The first pattern ending at a state, -1 if none; further ones with the same fold via `samePattern`. */
    private readonly terminal: Int32Array,
    private readonly samePattern: Int32Array,
  ) {}

  /** Patterns are folded as text is (NFKC, lower case); empty ones are kept as indices but never match. */
  static compile(patterns: readonly string[]): AhoCorasick {
    const folded = patterns.map(foldTerm);
    const exactAlpha = new Int32Array(0x10000);
    let letters = 0;
    for (const p of folded)
      for (let i = 0; i < p.length; i++) {
        const u = p.charCodeAt(i);
        if (exactAlpha[u] === 0) exactAlpha[u] = ++letters;
      }

    // The trie, with a Map while building (built once per dictionary version).
    const width = letters + 1;
    const edges = new Map<number, number>();
    const parent: number[] = [0];
    const letterOf: number[] = [0];
    const depth: number[] = [0];
    const terminal: number[] = [-1];
    const samePattern = new Int32Array(patterns.length).fill(-1);
    const lastSame = new Map<number, number>();
    let usable = 0;
    folded.forEach((p, index) => {
      if (p.length === 0) return;
      usable++;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const a = exactAlpha[p.charCodeAt(i)]!;
        let t = edges.get(s * width + a);
        if (t === undefined) {
          t = parent.length;
          edges.set(s * width + a, t);
          parent.push(s);
          letterOf.push(a);
          depth.push(depth[s]! + 1);
          terminal.push(-1);
        }
        s = t;
      }
      if (terminal[s] === -1) terminal[s] = index;
      else samePattern[lastSame.get(s) ?? terminal[s]!] = index;
      lastSame.set(s, index);
    });

    const states = parent.length;
    const rootNext = new Int32Array(width);
    const size = 1 << Math.max(4, Math.ceil(Math.log2(Math.max(1, states) * 2)));
    const hashShift = 32 - Math.log2(size);
    const slots = new Int32Array(size * 3);
    for (let t = 1; t < states; t++) {
      const s = parent[t]!;
      const a = letterOf[t]!;
      if (s === 0) {
        rootNext[a] = t;
        continue;
      }
      let h = hash(s, a, hashShift);
      while (slots[h * 3] !== 0) h = (h + 1) & (size - 1);
      slots[h * 3] = s + 1;
      slots[h * 3 + 1] = a;
      slots[h * 3 + 2] = t;
    }

    const { simpleFold, complexUnit } = foldTables();
    const unitAlpha = new Int32Array(0x10000);
    for (let u = 0; u < 0x10000; u++) unitAlpha[u] = complexUnit[u] ? -1 : exactAlpha[simpleFold[u]!]!;

    const automaton = new AhoCorasick(
      usable,
      unitAlpha,
      exactAlpha,
      rootNext,
      slots,
      hashShift,
      new Int32Array(states),
      Int32Array.from(depth),
      new Int32Array(states),
      new Int32Array(states),
      Int32Array.from(terminal),
      samePattern,
    );
    automaton.linkFailures(parent, letterOf, depth);
    return automaton;
  }

  /** Failure and output links, breadth first: a state's links depend on shallower states only. */
  private linkFailures(parent: number[], letterOf: number[], depth: number[]): void {
    const order = Array.from({ length: parent.length - 1 }, (_, i) => i + 1).sort(
      (x, y) => depth[x]! - depth[y]!,
    );
    for (const t of order) {
      const p = parent[t]!;
      const a = letterOf[t]!;
      let f = 0;
      if (p !== 0) {
        let s = this.fail[p]!;
        for (;;) {
          const g = s === 0 ? this.rootNext[a]! : this.child(s, a);
          if (g > 0) {
            f = g;
            break;
          }
          if (s === 0) break;
          s = this.fail[s]!;
        }
      }
      this.fail[t] = f;
      this.outNext[t] = this.outHead[f]!;
      this.outHead[t] = this.terminal[t] !== -1 ? t : this.outHead[f]!;
    }
  }

  /** Every occurrence of every pattern, overlaps included, as UTF-16 positions in `text` itself. */
  findAll(text: string, out = new MatchList()): MatchList {
    if (this.patternCount === 0) return out;
    const mark = out.length;
    if (this.run(text, this.unitAlpha, out)) return out;
    // A character whose fold changes the length (㈱, ß, 𝐀): fold the whole text, scan, map back.
    out.truncate(mark);
    const folded = foldText(text);
    this.run(folded.text, this.exactAlpha, out);
    const { from, to } = folded;
    if (from && to)
      out.remap(
        mark,
        (s) => from[s]!,
        (e) => to[e - 1]!,
      );
    return out;
  }

  /**
   * The scan loop. With `unitAlpha` it folds as it goes and answers false at the first unit whose fold
   * changes the length (the caller then takes the slow path); with `exactAlpha` it never does.
   */
  private run(text: string, alpha: Int32Array, out: MatchList): boolean {
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const u = text.charCodeAt(i);
      let a = alpha[u]!;
      if (a < 0) {
        // Surrogates are flagged complex; a pair that folds to itself (most emoji) is matched as it is.
        if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            if (!astralFoldsToSelf(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00))) return false;
            s = this.step(s, this.exactAlpha[u]!);
            if (this.outHead[s] !== 0) this.emit(this.outHead[s]!, i + 1, out);
            i++;
            a = this.exactAlpha[low]!;
          } else a = this.exactAlpha[u]!;
        } else if (u >= 0xd800 && u <= 0xdfff) a = this.exactAlpha[u]!;
        else return false;
      }
      if (a === 0) {
        s = 0;
        continue;
      }
      s = this.step(s, a);
      const o = this.outHead[s]!;
      if (o !== 0) this.emit(o, i + 1, out);
    }
    return true;
  }

  private step(state: number, a: number): number {
    if (a === 0) return 0;
    let s = state;
    for (;;) {
      if (s === 0) return this.rootNext[a]!;
      const t = this.child(s, a);
      if (t > 0) return t;
      s = this.fail[s]!;
    }
  }

  /** The trie child of a non-root state, or -1. */
  private child(s: number, a: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let h = hash(s, a, this.hashShift); ; h = (h + 1) & mask) {
      const at = h * 3;
      const key = slots[at]!;
      if (key === 0) return -1;
      if (key === s + 1 && slots[at + 1] === a) return slots[at + 2]!;
    }
  }

  private emit(head: number, end: number, out: MatchList): void {
    let o = head;
    do {
      const start = end - this.depth[o]!;
      for (let p = this.terminal[o]!; p !== -1; p = this.samePattern[p]!) out.push(p, start, end);
      o = this.outNext[o]!;
    } while (o !== 0);
  }
}

/** Multiplicative (Fibonacci) hashing of the pair; the top bits index the table. */
function hash(s: number, a: number, shift: number): number {
  return Math.imul(s ^ Math.imul(a, 0x85ebca6b), 0x9e3779b1) >>> shift;
}
