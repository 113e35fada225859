import { registerTheme } from 'echarts/core';

/** The two looks of a chart: the dashboard on a white card, the 大屏 on the dark meeting-room screen. */
export const chartThemes = { light: 'sunlight', dark: 'sunlight-dark' } as const;
export type ChartTheme = keyof typeof chartThemes;

/** Series colours, in order: 政务 blue first, then colours that stay apart on both backgrounds. */
const palette = ['#1d5bbf', '#e6a23c', '#07a35a', '#e6162d', '#8e5cd9', '#17a2b8', '#f56c9d', '#909399'];

/**
 * The page's own font stack (styles/main.css). A canvas needs real family names: `inherit` is not a valid
 * canvas font, and the canvas would silently fall back to 10 px sans-serif.
 */
const fontFamily = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** What the PNG export paints behind the chart, so a saved image reads as it did on screen. */
export const chartBackgrounds: Record<ChartTheme, string> = { light: '#ffffff', dark: '#0b1a33' };

export function registerChartThemes() {
  registerTheme(chartThemes.light, {
    color: palette,
    backgroundColor: 'transparent',
    textStyle: { fontFamily },
    bar: { label: { color: '#303133' } },
  });
  registerTheme(chartThemes.dark, {
    color: ['#4f9dff', '#ffc145', '#2ed47a', '#ff5b6e', '#b38cff', '#3fd5e8', '#ff8fc0', '#c0c4cc'],
    backgroundColor: 'transparent',
    textStyle: { color: '#d7e3f7', fontFamily },
    legend: { textStyle: { color: '#d7e3f7' } },
    categoryAxis: {
      axisLine: { lineStyle: { color: '#5a7196' } },
      axisLabel: { color: '#c3d2ea' },
      splitLine: { lineStyle: { color: '#1f3558' } },
    },
    valueAxis: {
      axisLine: { lineStyle: { color: '#5a7196' } },
      axisLabel: { color: '#c3d2ea' },
      splitLine: { lineStyle: { color: '#1f3558' } },
    },
    // Bar labels otherwise get ECharts' dark grey with a white halo, which smears on a dark screen.
    bar: { label: { color: '#e8f0ff', textBorderWidth: 0 } },
    tooltip: { backgroundColor: '#112446', borderColor: '#3a5784', textStyle: { color: '#e8f0ff' } },
  });
}
