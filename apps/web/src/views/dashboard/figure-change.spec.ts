import { describe, expect, it } from 'vitest';
import { figureChange } from './figure-change';
import { formatFigure } from './figure-format';

describe('change against the previous period', () => {
  it('gives a count its difference and its relative change', () => {
    expect(figureChange('published', 1250, 1000)).toEqual({
      delta: 250,
      ratio: 0.25,
      direction: 'up',
      tone: 'good',
    });
    expect(figureChange('reads', 800, 1000)).toEqual({
      delta: -200,
      ratio: -0.2,
      direction: 'down',
      tone: 'bad',
    });
  });

  it('compares rates in percentage points, not as a ratio of ratios', () => {
    const change = figureChange('originalRate', 0.45, 0.42);
    expect(change).toMatchObject({ ratio: null, direction: 'up', tone: 'good' });
    expect(change?.delta).toBe(3);
    expect(figureChange('columnQuotaRate', 0.8, 0.875)?.delta).toBe(-7.5);
  });

  it('calls a rise in 超期未更新账号 bad and a fall good', () => {
    expect(figureChange('staleAccounts', 3, 1)).toMatchObject({ direction: 'up', tone: 'bad' });
    expect(figureChange('staleAccounts', 0, 2)).toMatchObject({ direction: 'down', tone: 'good' });
  });

  it('has no relative change from zero, only the difference', () => {
    expect(figureChange('portalUpdates', 12, 0)).toEqual({
      delta: 12,
      ratio: null,
      direction: 'up',
      tone: 'good',
    });
  });

  it('is flat when nothing moved, floating-point noise included', () => {
    expect(figureChange('published', 5, 5)).toMatchObject({ direction: 'flat', tone: 'neutral', ratio: 0 });
    expect(figureChange('originalRate', 0.1 + 0.2, 0.3)).toMatchObject({ direction: 'flat', delta: 0 });
  });

  it('is unknown when either period has no value (a rate over nothing)', () => {
    expect(figureChange('originalRate', null, 0.4)).toBeNull();
    expect(figureChange('originalRate', 0.4, null)).toBeNull();
    expect(figureChange('published', 3, undefined)).toBeNull();
  });
});

describe('figures as people read them', () => {
  it('separates thousands, shows rates as percentages and a dash for no value', () => {
    expect(formatFigure('reads', 1234567)).toBe('1,234,567');
    expect(formatFigure('originalRate', 0.4256)).toBe('42.6%');
    expect(formatFigure('columnQuotaRate', 1)).toBe('100.0%');
    expect(formatFigure('originalRate', null)).toBe('—');
    expect(formatFigure('published', undefined)).toBe('—');
    expect(formatFigure('published', 0)).toBe('0');
  });
});
