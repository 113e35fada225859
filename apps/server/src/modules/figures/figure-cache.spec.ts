import { describe, expect, it } from 'vitest';
import { FigureCache } from './figure-cache';

describe('the figures cache', () => {
  it('serves an entry while its rollup version is current and its time has not run out', () => {
    const cache = new FigureCache<number>(1000, 10);
    cache.set('q', 3, 0, 42);
    expect(cache.get('q', 3, 999)).toBe(42);
    expect(cache.get('q', 4, 999)).toBeUndefined();
    cache.set('q', 4, 0, 43);
    expect(cache.get('q', 4, 1001)).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new FigureCache<string>(1000, 2);
    cache.set('a', 1, 0, 'a');
    cache.set('b', 1, 0, 'b');
    cache.set('c', 1, 0, 'c');
    expect(cache.get('a', 1, 0)).toBeUndefined();
    expect(cache.get('c', 1, 0)).toBe('c');
  });

  it('shares one computation among those who ask meanwhile, and again only at a new version', async () => {
    const cache = new FigureCache<Promise<number>>(1000, 10);
    let runs = 0;
    const work = () => Promise.resolve(++runs);
    const [a, b] = await Promise.all([cache.share('q', 1, 0, work), cache.share('q', 1, 5, work)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    await expect(cache.share('q', 2, 10, work)).resolves.toBe(2);
  });

  it('forgets a computation that failed, so the next asker computes again', async () => {
    const cache = new FigureCache<Promise<number>>(1000, 10);
    await expect(cache.share('q', 1, 0, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(cache.share('q', 1, 1, () => Promise.resolve(7))).resolves.toBe(7);
  });
});
