import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './job-runner';

describe('retry backoff', () => {
  it('doubles with each attempt within half to all of the ceiling', () => {
    expect(retryDelayMs(1, () => 0)).toBe(1000);
    expect(retryDelayMs(1, () => 1)).toBe(2000);
    expect(retryDelayMs(3, () => 1)).toBe(8000);
    expect(retryDelayMs(3, () => 0)).toBe(4000);
  });

  it('never waits more than ten minutes', () => {
    expect(retryDelayMs(30, () => 1)).toBe(600_000);
  });
});
