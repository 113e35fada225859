/**
 * Matches as (pattern, start, end) triples in one growing Int32Array: a scan of a long text with many
 * hits allocates no object per hit, and the gate turns only the few it reports into objects.
 */
export class MatchList {
  private data = new Int32Array(96);
  length = 0;

  push(pattern: number, start: number, end: number): void {
    let at = this.length * 3;
    if (at + 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[at++] = pattern;
    this.data[at++] = start;
    this.data[at] = end;
    this.length++;
  }

  pattern(i: number): number {
    return this.data[i * 3]!;
  }

  start(i: number): number {
    return this.data[i * 3 + 1]!;
  }

  end(i: number): number {
    return this.data[i * 3 + 2]!;
  }

  /** Rewrites the positions of matches `from` onwards, e.g. from folded text back to the original. */
  remap(from: number, start: (s: number) => number, end: (e: number) => number): void {
    for (let i = from; i < this.length; i++) {
      this.data[i * 3 + 1] = start(this.data[i * 3 + 1]!);
      this.data[i * 3 + 2] = end(this.data[i * 3 + 2]!);
    }
  }

  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }
}
