/** Disruption scenario: remove key entities by a strategy and follow the largest connected component (ECharts line). */
import { useMemo, useState } from "react";
import { useApi, useT } from "../../app/context";
import { isMissingRoute, messageOf } from "../../app/async";
import { Chart } from "../flows/Chart";
import { disruption, STRATEGIES, type CurvePoint, type Strategy } from "./api";
import { lccCurve } from "./paths";

export function DisruptionPanel({ seeds, nodeIds, links, degree, names }: {
  seeds: readonly string[];
  nodeIds: readonly string[];
  links: readonly { source: string; target: string }[];
  degree: ReadonlyMap<string, number>;
  names: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const api = useApi();
  const [strategy, setStrategy] = useState<Strategy>("betweenness");
  const [steps, setSteps] = useState(10);
  const [result, setResult] = useState<{ curve: CurvePoint[]; total: number; local: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await disruption(api, seeds, strategy, steps);
      setResult({ curve: r.curve, total: r.nodes, local: false });
    } catch (e) {
      if (!isMissingRoute(e)) setError(messageOf(e));
      else {
        // Fallback on the drawing: highest degree first.
        const order = [...nodeIds].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || a.localeCompare(b)).slice(0, steps);
        const curve = lccCurve(nodeIds, links, order).map((p) => ({
          removed: p.removed, lcc: p.lcc, fraction: nodeIds.length ? p.lcc / nodeIds.length : 0,
          removedNodes: p.removed > 0 ? [{ id: order[p.removed - 1] ?? "", caption: names.get(order[p.removed - 1] ?? "") ?? "", schema: "" }] : [],
        }));
        setResult({ curve, total: nodeIds.length, local: true });
      }
    } finally {
      setBusy(false);
    }
  };

  const option = useMemo(() => result && ({
    animation: false,
    grid: { left: 50, right: 16, top: 24, bottom: 40 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "value", name: t("network.removed"), nameLocation: "middle", nameGap: 26, min: 0 },
    yAxis: { type: "value", name: t("network.lcc"), min: 0, max: 1 },
    series: [{ type: "line", name: t("network.lcc"), data: result.curve.map((p) => [p.removed, Math.round(p.fraction * 1000) / 1000]), symbolSize: 6 }],
  }), [result, t]);

  return (
    <section className="panel" aria-labelledby="network-disruption" data-testid="network-disruption">
      <h2 id="network-disruption">{t("network.disruption")}</h2>
      <div className="row">
        <label>{t("network.strategy")} <select value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy)}>{STRATEGIES.map((s) => <option key={s} value={s}>{s}</option>)}</select></label>
        <label>{t("network.steps")} <input type="number" min={1} max={50} value={steps} onChange={(e) => setSteps(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} style={{ width: 64 }} /></label>
        <button type="button" onClick={() => void run()} disabled={busy || seeds.length === 0}>{t("network.simulate")}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {result && option && (
        <>
          {result.local && <p className="muted">{t("network.disruptionLocal")}</p>}
          <Chart option={option} label={t("network.lcc")} height={220} testId="lcc-chart" />
          <p className="muted">{t("network.disruptionRemoved", { names: result.curve.flatMap((p) => p.removedNodes.map((n) => n.caption || n.id)).join(", ") })}</p>
        </>
      )}
    </section>
  );
}
