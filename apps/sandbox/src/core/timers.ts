// Timers and held connections owned by one sandbox instance, so that close() leaves nothing running
// (a held "timeout" fault would otherwise keep the process and the test runner alive).
import type { Socket } from 'node:net';

export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly intervals = new Set<NodeJS.Timeout>();
  private readonly held = new Set<Socket>();
  private closed = false;

  after(ms: number, fn: () => void): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.pending.delete(t);
      fn();
    }, ms);
    t.unref();
    this.pending.add(t);
  }

  every(ms: number, fn: () => void): void {
    if (this.closed) return;
    const t = setInterval(fn, ms);
    t.unref();
    this.intervals.add(t);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed || ms <= 0) {
        resolve();
        return;
      }
      this.after(ms, resolve);
    });
  }

  /** Keeps a socket open without answering until `ms` passes (or the sandbox closes), then drops it. */
  hold(socket: Socket, ms: number): void {
    this.held.add(socket);
    socket.once('close', () => this.held.delete(socket));
    this.after(ms, () => socket.destroy());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    for (const t of this.pending) clearTimeout(t);
    for (const t of this.intervals) clearInterval(t);
    for (const s of this.held) s.destroy();
    this.pending.clear();
    this.intervals.clear();
    this.held.clear();
  }
}
