import { describe, expect, it } from 'vitest';
import { formatDateTime } from './time';

describe('formatDateTime', () => {
  it('shows an instant in Beijing time, whatever the zone it was written in', () => {
    expect(formatDateTime('2024-05-01T16:30:05Z')).toBe('2024-05-02 00:30:05');
    expect(formatDateTime('2024-05-01T08:00:00-04:00')).toBe('2024-05-01 20:00:00');
  });

  it('crosses the year boundary correctly', () => {
    expect(formatDateTime('2023-12-31T16:00:00.000Z')).toBe('2024-01-01 00:00:00');
  });

  it('uses a 24-hour clock with leading zeros', () => {
    expect(formatDateTime('2024-03-04T01:02:03Z')).toBe('2024-03-04 09:02:03');
  });

  it('shows the fallback for a missing value and the raw text for an unreadable one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined, '从未登录')).toBe('从未登录');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
