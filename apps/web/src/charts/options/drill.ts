import type { FigureCode, FigureRowKey } from '@sunlight/contracts';

/**
 * What a chart element counts: the figure and the breakdown key of the bar or point. Option builders put it
 * on every data item, so a click anywhere on a chart can open the rows behind that number.
 */
export interface ChartDrill {
  figure: FigureCode;
  key: FigureRowKey;
  /** The 本级 row of a department breakdown: the department's own accounts, not its subtree. */
  departmentOnly?: boolean;
}

/** A data item that knows what it counts. ECharts keeps extra fields and hands them back on click. */
export interface DrillDatum {
  value: number | null;
  drill: ChartDrill;
}

/** The drill of a clicked element, if the element was built with one (axis labels and legends are not). */
export function drillOf(params: unknown): ChartDrill | undefined {
  if (typeof params !== 'object' || params === null || !('data' in params)) return undefined;
  const data = params.data;
  if (typeof data !== 'object' || data === null || !('drill' in data)) return undefined;
  return (data as DrillDatum).drill;
}

/** Text sizes of a chart: the dashboard's 12 px, or the 大屏's size scaled to the screen. */
export interface ChartLook {
  fontSize: number;
}

export const defaultLook: ChartLook = { fontSize: 12 };
