import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { registerChartThemes } from './themes';

// The only place ECharts modules are registered: what the dashboard and the 大屏 draw (bars on a grid, a
// plain legend, tooltips) and nothing else, so the full ~1 MB build never reaches the browser. A chart that
// needs another series type or component adds it here and to ChartOption below.
use([BarChart, GridComponent, LegendPlainComponent, TooltipComponent, CanvasRenderer]);
registerChartThemes();

/** The option type of every chart in the app: only what is registered above type-checks. */
export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;
