import { describe, expect, it } from 'vitest';
import { mapLimited } from './map-limited';

describe('mapLimited', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimited([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('answers an empty list at once and passes a failure on', async () => {
    expect(await mapLimited([], 4, () => Promise.resolve(1))).toEqual([]);
    await expect(
      mapLimited([1, 2], 2, (n) => (n === 2 ? Promise.reject(new Error('x')) : Promise.resolve(n))),
    ).rejects.toThrow('x');
  });
});
