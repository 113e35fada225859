import { defineAsyncComponent, defineComponent, h } from 'vue';

/** Holds the chart's place while ECharts loads, so the page does not jump when it arrives. */
const ChartPlaceholder = defineComponent({
  props: { height: { type: String, default: '320px' } },
  setup: (props) => () => h('div', { class: 'figure-chart-placeholder', style: { height: props.height } }),
});

/**
 * The chart component in its own chunk with ECharts: the heaviest part of a page arrives apart, so the
 * numbers around a chart show (and can be clicked) while the chart is still loading.
 */
export const LazyFigureChart = defineAsyncComponent({
  loader: () => import('./figure-chart.vue'),
  loadingComponent: ChartPlaceholder,
  delay: 0,
});
