import { describe, expect, it } from 'vitest';
import { rollupCover } from './figure-range';

describe('which rollup rows cover a range', () => {
  it('reads a calendar year from one yearly row, or from twelve monthly rows when broken down by month', () => {
    expect(rollupCover('2025-01-01', '2025-12-31')).toEqual({
      years: ['2025', '2025'],
      months: [],
      days: [],
    });
    expect(rollupCover('2025-01-01', '2025-12-31', { years: false })).toEqual({
      years: null,
      months: [['2025-01', '2025-12']],
      days: [],
    });
  });

  it('reads whole months and cut days on either side of the whole years', () => {
    expect(rollupCover('2023-07-15', '2026-03-10')).toEqual({
      years: ['2024', '2025'],
      months: [
        ['2023-08', '2023-12'],
        ['2026-01', '2026-02'],
      ],
      days: [
        ['2023-07-15', '2023-07-31'],
        ['2026-03-01', '2026-03-10'],
      ],
    });
    expect(rollupCover('2024-12-01', '2026-01-31')).toEqual({
      years: ['2025', '2025'],
      months: [
        ['2024-12', '2024-12'],
        ['2026-01', '2026-01'],
      ],
      days: [],
    });
  });

  it('reads the cut months at either end from daily rows', () => {
    expect(rollupCover('2025-01-15', '2026-01-14')).toEqual({
      years: null,
      months: [['2025-02', '2025-12']],
      days: [
        ['2025-01-15', '2025-01-31'],
        ['2026-01-01', '2026-01-14'],
      ],
    });
  });

  it('reads a range inside one month, or across two cut ones, from daily rows alone', () => {
    expect(rollupCover('2024-02-03', '2024-02-29')).toEqual({
      years: null,
      months: [],
      days: [['2024-02-03', '2024-02-29']],
    });
    expect(rollupCover('2024-02-10', '2024-03-05')).toEqual({
      years: null,
      months: [],
      days: [['2024-02-10', '2024-03-05']],
    });
    expect(rollupCover('2024-02-01', '2024-02-29')).toEqual({
      years: null,
      months: [['2024-02', '2024-02']],
      days: [],
    });
  });
});
