import { describe, expect, it } from 'vitest';
import { type PageFetcher, readBack, walkStep, type WalkState } from './weibo-paging';

/** A newest-first list with Weibo's cursors: since_id exclusive, max_id inclusive. */
function fakeList(ids: number[], pageSize: number): { fetch: PageFetcher<string>; calls: string[] } {
  const sorted = ids.map(String).sort((a, b) => Number(b) - Number(a));
  const calls: string[] = [];
  const fetch: PageFetcher<string> = (b) => {
    calls.push(`since=${b.since_id ?? '-'} max=${b.max_id ?? '-'}`);
    const inRange = sorted.filter(
      (id) =>
        (b.since_id === undefined || Number(id) > Number(b.since_id)) &&
        (b.max_id === undefined || Number(id) <= Number(b.max_id)),
    );
    return Promise.resolve({ items: inRange.slice(0, pageSize), more: inRange.length > pageSize });
  };
  return { fetch, calls };
}

async function drain(state: WalkState, fetch: PageFetcher<string>) {
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    const step = await walkStep(state, (x) => x, fetch);
    seen.push(...step.items);
    state = step.state;
    if (!step.more) return { seen, state };
  }
  throw new Error('no end');
}

describe('walkStep', () => {
  it('reads everything back in pages, dropping the item max_id repeats, then moves since to the newest', async () => {
    const { fetch, calls } = fakeList([1, 2, 3, 4, 5, 6, 7], 3);
    const { seen, state } = await drain({ since: null }, fetch);
    expect(seen).toEqual(['7', '6', '5', '4', '3', '2', '1']);
    expect(state).toEqual({ since: '7' });
    // Each page after the first repeats its max_id item, which is dropped.
    expect(calls).toEqual(['since=- max=-', 'since=- max=5', 'since=- max=3']);
  });

  it('keeps since until the walk meets it, so a crash mid-walk repeats but never skips', async () => {
    const { fetch } = fakeList([10, 11, 12, 13, 14, 15, 16], 2);
    const first = await walkStep({ since: '11' }, (x) => x, fetch);
    expect(first).toEqual({
      items: ['16', '15'],
      state: { since: '11', top: '16', floor: '15' },
      more: true,
    });
    const { seen, state } = await drain(first.state, fetch);
    expect(seen).toEqual(['14', '13', '12']);
    expect(state).toEqual({ since: '16' });
  });

  it('compares int64 ids exactly', async () => {
    const big = ['17000000000000001', '17000000000000003', '17000000000000005'];
    const fetch: PageFetcher<string> = () => Promise.resolve({ items: [...big].reverse(), more: false });
    const step = await walkStep({ since: '17000000000000000' }, (x) => x, fetch);
    expect(step.state).toEqual({ since: '17000000000000005' });
  });

  it('stays put when nothing is new', async () => {
    const { fetch } = fakeList([1, 2], 5);
    expect(await walkStep({ since: '2' }, (x) => x, fetch)).toEqual({
      items: [],
      state: { since: '2' },
      more: false,
    });
  });
});

describe('readBack', () => {
  const id = (x: string) => x;

  it('reads pages back to the first item too old, and keeps only the newer ones', async () => {
    const { fetch, calls } = fakeList([1, 2, 3, 4, 5, 6, 7, 8, 9], 3);
    await expect(readBack(id, fetch, (x) => Number(x) < 4, 10)).resolves.toEqual([
      '9',
      '8',
      '7',
      '6',
      '5',
      '4',
    ]);
    expect(calls).toEqual(['since=- max=-', 'since=- max=7', 'since=- max=5']);
  });

  it('stops at the end of the list', async () => {
    const { fetch } = fakeList([1, 2, 3, 4, 5], 2);
    await expect(readBack(id, fetch, () => false, 10)).resolves.toEqual(['5', '4', '3', '2', '1']);
  });

  it('says null when the page cap comes before an old enough item', async () => {
    const { fetch, calls } = fakeList([1, 2, 3, 4, 5, 6, 7], 2);
    await expect(readBack(id, fetch, (x) => Number(x) < 2, 2)).resolves.toBeNull();
    expect(calls).toHaveLength(2);
  });
});
