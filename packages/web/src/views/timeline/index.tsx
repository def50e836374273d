/**
 * The timeline (issue #7 item 6): GET /api/timeline for the ids in the route
 * (#/timeline?ids=a,b) — events, payments, shipments, communications and border crossings on a
 * time axis in lanes by kind (ECharts), with a list of the same items; filter by kind and window.
 */
import { useMemo, useState } from "react";
import { unwrap } from "@vizier/client";
import { useApi, useRoute, useT } from "../../app/context";
import { useLoad } from "../../app/async";
import { Status } from "../../components/Status";
import { href, idsOf } from "../../app/routes";
import { Chart } from "../flows/Chart";
import { PALETTE } from "../network/style";
import { KINDS, timelineModel, type Kind } from "./model";

const LIMIT = 500;

export default function TimelineView() {
  const t = useT();
  const api = useApi();
  const route = useRoute();
  const ids = useMemo(() => idsOf(route).slice(0, 20), [route]);
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [kinds, setKinds] = useState<Set<Kind> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [loaded] = useLoad(async () => (ids.length === 0 ? null : unwrap(await api.api.timeline.$get({
    query: { ids: ids.join(","), limit: String(LIMIT), ...(since ? { since } : {}), ...(until ? { until } : {}) },
  }))), [api, ids.join(","), since, until]);

  const items = loaded.state === "ok" && loaded.value ? loaded.value.items : [];
  const model = useMemo(() => timelineModel(items, kinds), [items, kinds]);
  const option = useMemo(() => ({
    animation: false,
    grid: { left: 130, right: 24, top: 16, bottom: 70 },
    tooltip: {
      trigger: "item",
      formatter: (p: { data?: { value?: [number, string]; caption?: string; schema?: string; datasets?: string[]; end?: number | null } }) => {
        const d = p.data;
        if (!d?.value) return "";
        const when = new Date(d.value[0]).toISOString().slice(0, 10) + (d.end ? ` – ${new Date(d.end).toISOString().slice(0, 10)}` : "");
        const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
        return `${esc(d.caption ?? "")}<br/>${esc(d.schema ?? "")} · ${when}<br/>${esc((d.datasets ?? []).join(", "))}`;
      },
    },
    xAxis: { type: "time" },
    yAxis: { type: "category", data: model.lanes.map((k) => t(`timeline.kind.${k}`)), inverse: true },
    dataZoom: [{ type: "inside", xAxisIndex: 0 }, { type: "slider", xAxisIndex: 0, bottom: 20 }],
    series: model.lanes.map((k) => ({
      type: "scatter", name: t(`timeline.kind.${k}`), symbolSize: 9, itemStyle: { color: PALETTE[KINDS.indexOf(k) % PALETTE.length] },
      data: model.points.filter((p) => p.kind === k).map((p) => ({ value: [p.t, t(`timeline.kind.${k}`)], id: p.id, caption: p.caption, schema: p.schema, datasets: p.datasets, end: p.end })),
    })),
  }), [model, t]);

  if (ids.length === 0) return <section><h1>{t("timeline.title")}</h1><p className="muted">{t("timeline.noIds")}</p></section>;
  const toggle = (k: Kind) => {
    const cur = new Set(kinds ?? KINDS);
    if (cur.has(k)) cur.delete(k); else cur.add(k);
    setKinds(cur.size === KINDS.length ? null : cur);
  };

  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t("timeline.title")}</h1>
      <p className="muted">{t("timeline.scope", { count: ids.length })}</p>
      <nav className="row" aria-label={t("network.openIn")}>
        <a href={href("network", { ids })}>{t("timeline.openNetwork")}</a>
        <a href={href("map", { ids })}>{t("timeline.openMap")}</a>
      </nav>
      <form className="row" onSubmit={(e) => e.preventDefault()} style={{ margin: "8px 0" }}>
        <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="sr-only">{t("timeline.kinds")}</legend>
          <span>{t("timeline.kinds")}:</span>
          {KINDS.map((k) => (
            <label key={k}><input type="checkbox" checked={kinds === null || kinds.has(k)} onChange={() => toggle(k)} data-testid={`kind-${k}`} /> {t(`timeline.kind.${k}`)} ({model.counts[k]})</label>
          ))}
        </fieldset>
        <label>{t("timeline.since")} <input type="date" value={since} onChange={(e) => setSince(e.target.value)} /></label>
        <label>{t("timeline.until")} <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} /></label>
      </form>
      <Status loaded={loaded}>
        {(v) => v && (
          <>
            {v.hidden > 0 && <p className="withheld" role="note" data-testid="timeline-hidden">{t("timeline.hidden", { hidden: v.hidden })}</p>}
            {v.truncated && <p className="withheld" role="note">{t("timeline.truncated", { limit: LIMIT })}</p>}
            {model.points.length === 0 ? <p data-testid="timeline-empty">{t("timeline.none")}</p> : (
              <>
                <Chart option={option} label={t("timeline.chart", { count: model.points.length })} height={120 + model.lanes.length * 48} testId="timeline-chart"
                  onClick={(p) => { const d = p.data as { id?: string } | undefined; if (d?.id) setSelected(d.id); }} />
                <h2>{t("timeline.list")}</h2>
                <table data-testid="timeline-table">
                  <thead><tr><th>{t("timeline.col.date")}</th><th>{t("timeline.col.kind")}</th><th>{t("timeline.col.what")}</th><th>{t("timeline.col.sources")}</th></tr></thead>
                  <tbody>
                    {model.points.map((p) => (
                      <tr key={p.id} aria-selected={p.id === selected} className={p.id === selected ? "selected" : undefined}>
                        <td>{new Date(p.t).toISOString().slice(0, 10)}{p.end ? ` – ${new Date(p.end).toISOString().slice(0, 10)}` : ""}</td>
                        <td>{t(`timeline.kind.${p.kind}`)}</td>
                        <td><a href={href("entity", { id: p.id })}>{p.caption}</a> <span className="muted">{p.schema}</span></td>
                        <td>{p.datasets.map((d) => <span key={d} className="badge">{d}</span>)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </Status>
    </section>
  );
}
