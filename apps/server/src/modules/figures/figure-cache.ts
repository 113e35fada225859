/**
 * Computed figures kept in this process, keyed by the normalised query and the caller's scope. An entry
 * is good while the rollup version it was computed at is current (every api process reads the version row
 * per request: one primary-key read) and for at most `ttlMs`, which bounds what the version does not see:
 * account and column settings (停用, quotas) and the passing of time.
 */
export class FigureCache<T> {
  private readonly entries = new Map<string, { version: number; at: number; value: T }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, version: number, now: number): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.version !== version || now - hit.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /**
   * The entry for `key`, or `work()` kept as it: a promise kept is shared by whoever asks meanwhile, and
   * forgotten if it fails.
   */
  share<V>(this: FigureCache<Promise<V>>, key: string, version: number, now: number, work: () => Promise<V>) {
    const hit = this.get(key, version, now);
    if (hit) return hit;
    const pending = work();
    this.set(key, version, now, pending);
    pending.catch(() => {
      if (this.entries.get(key)?.value === pending) this.entries.delete(key);
    });
    return pending;
  }

  set(key: string, version: number, now: number, value: T): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { version, at: now, value });
  }
}
