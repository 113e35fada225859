import { figureCatalogue, type FigureCode } from '@sunlight/contracts';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/**
 * A figure as people read it: counts with thousands separators, rates (sent as fractions, 0.42) as
 * 42.0%, and a dash where the figure is undefined (a rate over nothing).
 */
export function formatFigure(code: FigureCode, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (figureCatalogue[code].unit === 'percent') return `${(value * 100).toFixed(1)}%`;
  return integer.format(value);
}

/** A count behind a figure (a post's reads, likes…) as the cards show counts: 2,904; a dash for none. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatFigure('published', value);
}

export const isRate = (code: FigureCode) => figureCatalogue[code].unit === 'percent';
