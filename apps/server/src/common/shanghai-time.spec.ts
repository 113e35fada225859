import { describe, expect, it } from 'vitest';
import { shanghaiDayEnd, shanghaiDayOf, shanghaiDayStart } from './shanghai-time';

describe('Asia/Shanghai days', () => {
  it('starts a day at 16:00 UTC of the day before', () => {
    expect(shanghaiDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(shanghaiDayEnd('2026-01-01').toISOString()).toBe('2026-01-01T16:00:00.000Z');
  });

  it('puts late UTC evening into the next Shanghai day', () => {
    expect(shanghaiDayOf(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(shanghaiDayOf(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });
});
