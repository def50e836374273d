import { unwrap } from "@vizier/client";
import { useApi, useT } from "../../app/context";
import { isMissingRoute, useLoad } from "../../app/async";
import { href } from "../../app/routes";
import { Status } from "../../components/Status";
import { TypeIcon } from "../../components/TypeIcon";

/** The readable relationships around the entity's members (GET /api/graph/expand), loaded after the profile. */
export function Relationships({ ids }: { ids: string[] }) {
  const t = useT();
  const api = useApi();
  const [loaded] = useLoad(async () => {
    try {
      return await unwrap(await api.api.graph.expand.$get({ query: { ids: ids.join(","), limit: "100" } }));
    } catch (e) {
      if (isMissingRoute(e)) return undefined;
      throw e;
    }
  }, [api, ids.join(",")]);
  const own = new Set(ids);
  return (
    <section className="panel" aria-labelledby="rels-title">
      <h2 id="rels-title">{t("entity.relationships")}</h2>
      <Status loaded={loaded}>{(r) => {
        if (!r) return <p className="muted">{t("common.notAvailable")}</p>;
        const label = new Map(r.network.nodes.map((n) => [n.id, n]));
        const rows = r.network.edges.filter((e) => own.has(e.source) || own.has(e.target));
        return (
          <>
            {rows.length === 0 ? <p className="muted">{t("entity.noRelationships")}</p> : (
              <table>
                <tbody>
                  {rows.slice(0, 60).map((e, i) => {
                    const other = own.has(e.source) ? e.target : e.source;
                    const n = label.get(other);
                    return (
                      <tr key={`${e.source}-${e.target}-${e.type}-${i}`}>
                        <td>{e.type}{e.count > 1 ? ` ×${e.count}` : ""}</td>
                        <td>{own.has(e.source) ? "→" : "←"}</td>
                        <td><TypeIcon schema={n?.schema ?? ""} /> <a href={href("entity", { id: other })}>{n?.label || other}</a></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {r.hidden > 0 && <p className="withheld">{t("entity.hiddenRelationships", { n: r.hidden })}</p>}
          </>
        );
      }}</Status>
    </section>
  );
}
