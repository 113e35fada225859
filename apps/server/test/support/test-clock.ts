import { Clock } from '../../src/common/clock';

/** A clock the test can move forward (idle expiry, lockout windows) without waiting. */
export class TestClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
