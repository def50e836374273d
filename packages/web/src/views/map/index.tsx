/**
 * The map (issue #7 item 6): an offline world map (world-atlas boundaries registered with
 * ECharts at run time; nothing is fetched) with the countries of the entities in the route
 * (#/map?ids=a,b) highlighted, their addresses, ports and control points, and routes of their
 * shipments and border crossings. Tables below carry the same data.
 */
import { useMemo } from "react";
import { useApi, useRoute, useT } from "../../app/context";
import { useLoad } from "../../app/async";
import { Status } from "../../components/Status";
import { href, idsOf } from "../../app/routes";
import { Chart } from "../flows/Chart";
import { loadMapData } from "./api";
import { mapModel, type MapModel } from "./model";
import { loadWorld, MAP_NAME } from "./world";

const SYMBOL = { address: "circle", port: "diamond", place: "triangle" } as const;
const COLOUR = { address: "#0b4f8a", port: "#a05a2c", place: "#6b2c91", shipment: "#a05a2c", crossing: "#6b2c91" } as const;

function option(m: MapModel, names: ReadonlyMap<string, string>, t: (k: string) => string) {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    animation: false,
    tooltip: { trigger: "item" },
    geo: {
      map: MAP_NAME, roam: true, zoom: 1.2, label: { show: false },
      itemStyle: { areaColor: "#eef1f4", borderColor: "#9aa4ae", borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: "#d7dde3" } },
      regions: [...m.countries.keys()].map((code) => ({ name: code, itemStyle: { areaColor: "#f5c26b" } })),
      tooltip: {
        show: true,
        formatter: (p: { name?: string }) => {
          const code = p.name ?? "";
          const list = m.countries.get(code);
          return `${esc(names.get(code) ?? code)}${list ? `<br/>${list.slice(0, 8).map((e) => esc(e.caption)).join("<br/>")}` : ""}`;
        },
      },
    },
    series: [
      ...(["address", "port", "place"] as const).map((kind) => ({
        type: "scatter", coordinateSystem: "geo", name: t(`map.kind.${kind}`), symbol: SYMBOL[kind], symbolSize: 9, zlevel: 2,
        itemStyle: { color: COLOUR[kind], borderColor: "#fff", borderWidth: 1 },
        data: m.points.filter((p) => p.kind === kind).map((p) => ({ name: p.name, value: p.coord, entities: p.entities, exact: p.exact })),
        tooltip: { formatter: (p: { data?: { name?: string; entities?: { caption: string }[]; exact?: boolean } }) => `${esc(p.data?.name ?? "")}${p.data?.exact ? "" : ` (${t("map.approx")})`}<br/>${(p.data?.entities ?? []).slice(0, 8).map((e) => esc(e.caption)).join("<br/>")}` },
      })),
      ...(["shipment", "crossing"] as const).map((kind) => ({
        type: "lines", coordinateSystem: "geo", polyline: true, name: t(`map.kind.${kind}`), zlevel: 1,
        lineStyle: { color: COLOUR[kind], width: 1.5, opacity: 0.7, curveness: 0, type: kind === "crossing" ? "dashed" : "solid" },
        data: m.routes.filter((r) => r.kind === kind).map((r) => ({ coords: r.coords, name: r.caption, names: r.names })),
        tooltip: { formatter: (p: { data?: { name?: string; names?: string[] } }) => `${esc(p.data?.name ?? "")}<br/>${esc((p.data?.names ?? []).join(" → "))}` },
      })),
    ],
  };
}

export default function MapView() {
  const t = useT();
  const api = useApi();
  const route = useRoute();
  const ids = useMemo(() => idsOf(route).slice(0, 100), [route]);
  const world = useMemo(() => loadWorld(), []);
  const [loaded] = useLoad(() => (ids.length === 0 ? Promise.resolve(null) : loadMapData(api, ids)), [api, ids.join(",")]);
  const model = useMemo(() => (loaded.state === "ok" && loaded.value ? mapModel(loaded.value.items, world.centroids) : null), [loaded, world]);
  const chart = useMemo(() => (model ? option(model, world.names, t) : null), [model, world, t]);

  if (ids.length === 0) return <section><h1>{t("map.title")}</h1><p className="muted">{t("map.noIds")}</p></section>;
  return (
    <section className="map" aria-labelledby="map-title">
      <h1 id="map-title">{t("map.title")}</h1>
      <p className="muted">{t("map.scope", { count: ids.length })}</p>
      <nav className="row" aria-label={t("network.openIn")}>
        <a href={href("network", { ids: ids.slice(0, 20) })}>{t("map.openNetwork")}</a>
        <a href={href("timeline", { ids: ids.slice(0, 20) })}>{t("map.openTimeline")}</a>
      </nav>
      <Status loaded={loaded}>
        {(v) => v && model && chart && (
          <>
            {v.hidden > 0 && <p className="withheld" role="note">{t("map.hidden", { hidden: v.hidden })}</p>}
            <Chart option={chart} label={t("map.chart", { countries: model.countries.size, points: model.points.length, routes: model.routes.length })} height={520} testId="map-chart" />
            {model.unplaced.length > 0 && <p className="muted">{t("map.unplaced", { names: model.unplaced.join(", ") })}</p>}
            {model.countries.size === 0 && model.points.length === 0 ? <p>{t("map.none")}</p> : (
              <div className="pair">
                <section aria-labelledby="map-countries">
                  <h2 id="map-countries">{t("map.countries")}</h2>
                  <table data-testid="map-countries">
                    <thead><tr><th>{t("map.col.country")}</th><th>{t("map.col.entities")}</th></tr></thead>
                    <tbody>{[...model.countries].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([code, list]) => (
                      <tr key={code}><td>{world.names.get(code) ?? code} ({code})</td><td>{list.slice(0, 10).map((e) => <a key={e.id} href={href("entity", { id: e.id })} className="badge">{e.caption}</a>)}{list.length > 10 ? ` +${list.length - 10}` : ""}</td></tr>
                    ))}</tbody>
                  </table>
                </section>
                <section aria-labelledby="map-places">
                  <h2 id="map-places">{t("map.places")}</h2>
                  <table data-testid="map-places">
                    <thead><tr><th>{t("map.col.place")}</th><th>{t("map.col.kind")}</th><th>{t("map.col.entities")}</th></tr></thead>
                    <tbody>{model.points.map((p) => (
                      <tr key={p.key}><td>{p.name}{!p.exact && <span className="muted"> ({t("map.approx")})</span>}</td><td>{t(`map.kind.${p.kind}`)}</td><td>{p.entities.slice(0, 6).map((e) => <a key={e.id} href={href("entity", { id: e.id })} className="badge">{e.caption}</a>)}{p.entities.length > 6 ? ` +${p.entities.length - 6}` : ""}</td></tr>
                    ))}</tbody>
                  </table>
                  {model.routes.length > 0 && (
                    <>
                      <h2>{t("map.routes")}</h2>
                      <table data-testid="map-routes">
                        <thead><tr><th>{t("map.col.route")}</th><th>{t("map.col.kind")}</th></tr></thead>
                        <tbody>{model.routes.map((r) => <tr key={r.id}><td><a href={href("entity", { id: r.id })}>{r.caption}</a>: {r.names.join(" → ")}</td><td>{t(`map.kind.${r.kind}`)}</td></tr>)}</tbody>
                      </table>
                    </>
                  )}
                </section>
              </div>
            )}
          </>
        )}
      </Status>
    </section>
  );
}
