/**
 * ECharts with only the charts and components the views use (tree-shaken), shared by the
 * network (LCC curve), flows (Sankey), timeline and map views.
 */
import * as echarts from "echarts/core";
import { LineChart, LinesChart, MapChart, SankeyChart, ScatterChart } from "echarts/charts";
import { DataZoomComponent, GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([LineChart, LinesChart, MapChart, SankeyChart, ScatterChart, DataZoomComponent, GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
