/**
 * The network explorer (issue #7 item 4): starts from the ids in the route (#/network?ids=a,b)
 * through GET /api/graph/expand, expands on double-click, filters by relationship type and time,
 * sizes and colours by a metric or community, finds shortest paths, simulates disruption and
 * exports PNG, GraphML and i2 ANX. Graph model, renderer and toolbox are kept apart.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useApi, useNavigate, useRoute, useT } from "../../app/context";
import { isMissingRoute, messageOf } from "../../app/async";
import { href, idsOf } from "../../app/routes";
import { communities, expand, metricScores, METRICS, shortestPathApi, type Metric } from "./api";
import { drawModel, type ColourBy } from "./draw";
import { degrees, edgeTypeCounts, EMPTY_GRAPH, expansionNotice, expansionOf, mergeNeighbourhood, visibleEdges, type GraphState } from "./graph-model";
import { layout, layoutInWorker, seedPositions, WORKER_THRESHOLD } from "./layout";
import { focusNode, NetworkCanvas, type CanvasHandle } from "./NetworkCanvas";
import { NodeDetails } from "./NodeDetails";
import { DisruptionPanel } from "./DisruptionPanel";
import { ExportMenu } from "./ExportMenu";
import { PathPanel } from "./PathPanel";
import { pathEdgeKeys, shortestPath } from "./paths";
import { TypeIcon } from "../../components/TypeIcon";
import "./network.css";

type SizeBy = "local" | Metric;

export default function NetworkView() {
  const t = useT();
  const api = useApi();
  const route = useRoute();
  const navigate = useNavigate();
  const seeds = useMemo(() => idsOf(route), [route]);
  const seedKey = seeds.join(",");
  const p = route.params;

  const [graph, setGraph] = useState<GraphState>(EMPTY_GRAPH);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [types, setTypes] = useState<Set<string> | null>(() => (p.get("types") ? new Set((p.get("types") ?? "").split(",")) : null));
  const [since, setSince] = useState(p.get("since") ?? "");
  const [until, setUntil] = useState(p.get("until") ?? "");
  const [limit, setLimit] = useState(200);
  const [sizeBy, setSizeBy] = useState<SizeBy>("local");
  const [colourBy, setColourBy] = useState<ColourBy>("schema");
  const [scores, setScores] = useState<Map<string, number> | null>(null);
  const [comm, setComm] = useState<{ membership: Map<string, number>; modularity: number; count: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [path, setPath] = useState<{ ids: string[]; local: boolean } | null>(null);
  const canvas = useRef<CanvasHandle>({ sigma: null });
  const positions = useRef<Map<string, { x: number; y: number }>>(new Map());

  const grow = useCallback(async (ids: readonly string[]) => {
    setBusy(true);
    setError(null);
    try {
      const nb = await expand(api, { ids, limit });
      setGraph((g) => mergeNeighbourhood(g, ids, nb));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }, [api, limit]);

  useEffect(() => {
    setGraph(EMPTY_GRAPH);
    positions.current = new Map();
    if (seeds.length > 0) void grow(seeds);
    // Only a change of seeds starts over; limit applies to the next expansion.
  }, [seedKey, api]);

  // Keep the URL in step with the filters, so a reload or a shared link shows the same view.
  useEffect(() => {
    if (seeds.length === 0) return;
    const want = href("network", { ids: seeds, params: { types: types ? [...types].join(",") : undefined, since: since || undefined, until: until || undefined } });
    if (window.location.hash !== want) window.history.replaceState(null, "", want);
  }, [types, since, until, seeds]);

  // Layout over every loaded edge (filters do not move nodes); positions of known nodes are kept as start.
  // Large graphs are laid out in a worker (the seeded positions show meanwhile).
  const [placed, setPlaced] = useState<ReadonlyMap<string, { x: number; y: number }>>(new Map());
  useEffect(() => {
    const ids = [...graph.nodes.keys()];
    const links = [...graph.edges.values()];
    const keep = (p: Map<string, { x: number; y: number }>) => { positions.current = p; setPlaced(p); };
    if (ids.length <= WORKER_THRESHOLD) { keep(layout(ids, links, positions.current)); return; }
    const start = seedPositions(ids, links, positions.current);
    keep(start);
    return layoutInWorker(ids, links, start, 3000, keep);
  }, [graph]);

  const shown = useMemo(() => visibleEdges(graph, { types, since: since || undefined, until: until || undefined }), [graph, types, since, until]);
  const degree = useMemo(() => degrees(graph.nodes.keys(), shown), [graph, shown]);
  const names = useMemo(() => new Map([...graph.nodes.values()].map((n) => [n.id, n.label])), [graph]);
  const analyticsSeeds = useMemo(() => [...new Set([...seeds, ...graph.expansions.flatMap((x) => x.seeds)])], [seeds, graph]);

  useEffect(() => {
    let live = true;
    setNotice(null);
    if (sizeBy === "local") { setScores(null); return; }
    metricScores(api, analyticsSeeds, sizeBy).then((s) => { if (live) setScores(s); }, (e: unknown) => {
      if (!live) return;
      setScores(null);
      setNotice(isMissingRoute(e) ? t("network.metricUnavailable", { metric: sizeBy }) : messageOf(e));
    });
    return () => { live = false; };
  }, [sizeBy, api, analyticsSeeds, t]);

  useEffect(() => {
    let live = true;
    if (colourBy !== "community") { setComm(null); return; }
    communities(api, analyticsSeeds).then((c) => { if (live) setComm(c); }, (e: unknown) => {
      if (!live) return;
      setComm(null);
      setNotice(isMissingRoute(e) ? t("network.communitiesUnavailable") : messageOf(e));
    });
    return () => { live = false; };
  }, [colourBy, api, analyticsSeeds, t]);

  const drawn = useMemo(() => drawModel(graph, shown, {
    positions: placed, scores: scores ?? degree, colourBy, communities: comm?.membership ?? null,
  }), [graph, shown, placed, scores, degree, colourBy, comm]);

  const highlight = useMemo(() => {
    const nodes = new Set(path?.ids ?? []);
    const edges = path ? pathEdgeKeys(shown, path.ids) : new Set<string>();
    return { selected, nodes, edges };
  }, [path, shown, selected]);

  const findPath = async (from: string, to: string) => {
    setError(null);
    try {
      const r = await shortestPathApi(api, from, to);
      if (r) setGraph((g) => mergeNeighbourhood(g, [], r.nb));
      setPath(r ? { ids: r.ids, local: false } : { ids: [], local: false });
    } catch (e) {
      if (!isMissingRoute(e)) { setError(messageOf(e)); return; }
      const ids = shortestPath(shown, from, to);
      setPath({ ids: ids ?? [], local: true });
    }
  };

  const totals = expansionNotice(graph);
  const typeCounts = edgeTypeCounts(graph);
  const selectedNode = selected ? graph.nodes.get(selected) : undefined;
  const tableRows = useMemo(() => [...graph.nodes.values()].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.label.localeCompare(b.label)).slice(0, 200), [graph, degree]);
  const [pathEnds, setPathEnds] = useState<{ from: string; to: string }>({ from: seeds[0] ?? "", to: seeds[1] ?? "" });

  if (seeds.length === 0) {
    return <section><h1>{t("network.title")}</h1><p className="muted">{t("network.noIds")}</p></section>;
  }

  const toggleType = (type: string) => {
    const all = new Set(typeCounts.map((x) => x.type));
    const cur = new Set(types ?? all);
    if (cur.has(type)) cur.delete(type); else cur.add(type);
    setTypes(cur.size === all.size ? null : cur);
  };

  return (
    <section className="network" aria-labelledby="network-title">
      <h1 id="network-title">{t("network.title")}</h1>
      <p className="muted">{t("network.help")} <span data-testid="network-counts">{t("network.counts", { nodes: drawn.nodes.length, edges: drawn.edges.length })}</span></p>
      <nav className="row" aria-label={t("network.openIn")}>
        {t("network.openIn")}:
        <a href={href("flows", { ids: analyticsSeeds.slice(0, 20) })}>{t("network.toFlows")}</a>
        <a href={href("timeline", { ids: analyticsSeeds.slice(0, 20) })}>{t("network.toTimeline")}</a>
        <a href={href("map", { ids: analyticsSeeds.slice(0, 20) })}>{t("network.toMap")}</a>
      </nav>
      {totals.hidden > 0 && <p className="withheld" role="note" data-testid="network-hidden">{t("network.hidden", { hidden: totals.hidden })}</p>}
      {totals.truncated > 0 && <p className="withheld" role="note" data-testid="network-truncated">{t("network.truncated", { count: totals.truncated, limit })}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="muted" role="status">{notice}</p>}
      {busy && <p className="muted" role="status" aria-live="polite">{t("common.loading")}</p>}
      <div className="network-grid">
        <aside className="network-tools" aria-label={t("network.filters")}>
          <fieldset>
            <legend>{t("network.edgeTypes")}</legend>
            <button type="button" className="secondary" onClick={() => setTypes(null)}>{t("network.allTypes")}</button>
            {typeCounts.map(({ type, count }) => (
              <label key={type}><input type="checkbox" checked={types === null || types.has(type)} onChange={() => toggleType(type)} /> {type} <span className="muted">({count})</span></label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("network.filters")}</legend>
            <label>{t("network.since")} <input type="date" value={since} onChange={(e) => setSince(e.target.value)} data-testid="network-since" /></label>
            <label>{t("network.until")} <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} /></label>
            <label>{t("network.limit")} <input type="number" min={1} max={1000} value={limit} onChange={(e) => setLimit(Math.max(1, Math.min(1000, Number(e.target.value) || 200)))} style={{ width: 80 }} /></label>
          </fieldset>
          <fieldset>
            <legend>{t("network.sizeBy")}</legend>
            <select value={sizeBy} onChange={(e) => setSizeBy(e.target.value as SizeBy)} aria-label={t("network.sizeBy")} data-testid="network-size-by">
              <option value="local">{t("network.metric.localDegree")}</option>
              {METRICS.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          </fieldset>
          <fieldset>
            <legend>{t("network.colourBy")}</legend>
            <select value={colourBy} onChange={(e) => setColourBy(e.target.value as ColourBy)} aria-label={t("network.colourBy")}>
              <option value="schema">{t("network.colour.schema")}</option>
              <option value="community">{t("network.colour.community")}</option>
            </select>
            {comm && <p className="muted">{t("network.communities", { count: comm.count, modularity: comm.modularity.toFixed(3) })}</p>}
          </fieldset>
          <ExportMenu graph={graph} edges={shown} positions={placed} canvas={canvas} title={seeds.join(",")} />
        </aside>
        <div className="network-stage">
          <NetworkCanvas nodes={drawn.nodes} edges={drawn.edges} highlight={highlight} onSelect={setSelected} onExpand={(id) => void grow([id])} handle={canvas}
            label={t("network.canvas", { nodes: drawn.nodes.length, edges: drawn.edges.length })} />
        </div>
        <div className="network-side">
          <PathPanel nodes={tableRows} ends={pathEnds} setEnds={setPathEnds} path={path} names={names} onFind={(a, b) => void findPath(a, b)} onClear={() => setPath(null)} />
          {selectedNode
            ? <NodeDetails key={selectedNode.id} node={selectedNode} edges={shown.filter((e) => e.source === selectedNode.id || e.target === selectedNode.id)} names={names}
                degree={degree.get(selectedNode.id) ?? 0} score={scores?.get(selectedNode.id)} metric={sizeBy} community={comm?.membership.get(selectedNode.id)}
                expansion={expansionOf(graph, selectedNode.id)} onExpand={() => void grow([selectedNode.id])}
                onPathEnd={(end) => setPathEnds((x) => ({ ...x, [end]: selectedNode.id }))} />
            : <p className="muted panel">{t("network.noneSelected")}</p>}
        </div>
      </div>
      <DisruptionPanel seeds={analyticsSeeds} nodeIds={[...graph.nodes.keys()]} links={shown} degree={degree} names={names} />
      <section aria-labelledby="network-table">
        <h2 id="network-table">{t("network.table")}</h2>
        <table data-testid="network-table">
          <thead><tr><th>{t("network.col.name")}</th><th>{t("network.col.type")}</th><th>{t("network.col.degree")}</th><th>{t("network.col.actions")}</th></tr></thead>
          <tbody>
            {tableRows.map((n) => (
              <tr key={n.id} aria-selected={n.id === selected}>
                <td><TypeIcon schema={n.schema} /> <a href={href("entity", { id: n.id })}>{n.label}</a></td>
                <td>{n.schema}</td>
                <td>{degree.get(n.id) ?? 0}</td>
                <td className="row">
                  <button type="button" className="secondary" onClick={() => { setSelected(n.id); const sg = canvas.current.sigma; if (sg) focusNode(sg, n.id); }}>{t("network.select")}</button>
                  <button type="button" className="secondary" onClick={() => void grow([n.id])}>{t("network.expand")}</button>
                  <button type="button" className="secondary" onClick={() => navigate(href("flows", { ids: [n.id] }))}>{t("network.toFlows")}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
