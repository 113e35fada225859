// The sandbox clock: real time plus an offset the control API can move forward, so tests can let a
// token expire, a rate-limit window reset or a day pass without waiting.
export class Clock {
  constructor(private offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
