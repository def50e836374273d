/** Shortest path between two chosen entities; the path is highlighted in the drawing and listed here. */
import { useT } from "../../app/context";
import { href } from "../../app/routes";
import type { ApiNode } from "./graph-model";

export function PathPanel({ nodes, ends, setEnds, path, names, onFind, onClear }: {
  nodes: readonly ApiNode[];
  ends: { from: string; to: string };
  setEnds: (e: { from: string; to: string }) => void;
  path: { ids: string[]; local: boolean } | null;
  names: ReadonlyMap<string, string>;
  onFind: (from: string, to: string) => void;
  onClear: () => void;
}) {
  const t = useT();
  const options = [...new Map([...nodes.map((n) => [n.id, n.label] as const), ...[ends.from, ends.to].filter(Boolean).map((id) => [id, names.get(id) ?? id] as const)])];
  return (
    <section className="panel" aria-labelledby="network-path" data-testid="network-path">
      <h2 id="network-path">{t("network.path")}</h2>
      <div className="row">
        <label>{t("network.pathFrom")} <select value={ends.from} onChange={(e) => setEnds({ ...ends, from: e.target.value })} data-testid="path-from">
          <option value="">—</option>{options.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
        </select></label>
        <label>{t("network.pathTo")} <select value={ends.to} onChange={(e) => setEnds({ ...ends, to: e.target.value })} data-testid="path-to">
          <option value="">—</option>{options.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
        </select></label>
        <button type="button" disabled={!ends.from || !ends.to || ends.from === ends.to} onClick={() => onFind(ends.from, ends.to)} data-testid="path-find">{t("network.pathFind")}</button>
        {path && <button type="button" className="secondary" onClick={onClear}>{t("network.pathClear")}</button>}
      </div>
      {path && (path.ids.length === 0
        ? <p role="status" data-testid="path-result">{t("network.pathNone")}</p>
        : (
          <div role="status" data-testid="path-result">
            <p>{t("network.pathFound", { hops: path.ids.length - 1 })} {path.local && <span className="muted">{t("network.pathLocal")}</span>}</p>
            <ol>{path.ids.map((id) => <li key={id}><a href={href("entity", { id })}>{names.get(id) ?? id}</a></li>)}</ol>
          </div>
        ))}
    </section>
  );
}
