/**
 * echarts with only what the charts use (tree-shaken from echarts/core, see ARCHITECTURE
 * "Charts"): line, bar, scatter and pie; axes, tooltip and legend (the chart's own aria-label
 * and data table describe it, echarts' aria would replace the label); the canvas renderer
 * on screen (fast at 100,000 points) and the SVG renderer for Export SVG.
 */
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, ScatterChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
export type ECharts = echarts.ECharts;

/** The chart as an SVG document, drawn apart from the one on screen (which draws on a canvas). */
export function svgOf(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
