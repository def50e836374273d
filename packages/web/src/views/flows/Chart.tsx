import { useEffect, useRef } from "react";
import { echarts, type EChartsOption } from "./echarts";

/**
 * One ECharts canvas. `label` names it for screen readers; the views always show the same data
 * as a table or list next to it, so nothing is only in the picture.
 */
export function Chart({ option, label, height = 360, onClick, testId }: {
  option: EChartsOption;
  label: string;
  height?: number;
  onClick?: (params: { dataType?: string; name?: string; data?: unknown; seriesName?: string }) => void;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: "canvas" });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener("resize", resize);
    return () => { window.removeEventListener("resize", resize); c.dispose(); chart.current = null; };
  }, []);
  useEffect(() => { chart.current?.setOption(option, { notMerge: true }); }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const h = (p: unknown) => onClick(p as Parameters<typeof onClick>[0]);
    c.on("click", h);
    return () => { c.off("click", h); };
  }, [onClick]);
  return <div ref={el} role="img" aria-label={label} style={{ width: "100%", height }} data-testid={testId} />;
}
