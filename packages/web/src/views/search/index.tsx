import { useMemo, useState, type FormEvent } from "react";
import { unwrap } from "@vizier/client";
import { useApi, useNavigate, useRoute, useT } from "../../app/context";
import { useLoad } from "../../app/async";
import { href } from "../../app/routes";
import { Status } from "../../components/Status";
import { TypeIcon } from "../../components/TypeIcon";
import { agencyMap, useDatasets } from "../../components/useDatasets";
import { captionOf, FACETS, filterQuery, selectionFrom, sortedCounts, toggle, type Selection } from "./model";

const PAGE = 100;

/** One search box; facets (type, agency, dataset, country) counted by the API over the result set, a click filters; links to profiles. */
export default function Search() {
  const t = useT();
  const api = useApi();
  const route = useRoute();
  const navigate = useNavigate();
  const q = route.params.get("q") ?? "";
  const offset = Number(route.params.get("offset") ?? 0) || 0;
  const sel = selectionFrom(route.params);
  const [draft, setDraft] = useState(q);
  const datasets = useDatasets();
  const agencyOf = useMemo(() => agencyMap(datasets), [datasets]);
  const filters = filterQuery(sel);
  const filterKey = JSON.stringify(filters);
  // Asked again when the selection's text changes (filterKey), not on every new selection object.
  const [page] = useLoad(async () => (q ? unwrap(await api.api.search.$get({
    query: { q, limit: String(PAGE), offset: String(offset), facets: "true", ...filters },
  })) : undefined), [api, q, offset, filterKey]);

  const go = (query: string, s: Selection, off = 0) => navigate(href("search", {
    params: { q: query, offset: off ? String(off) : undefined, ...Object.fromEntries(FACETS.map((f) => [f, (s[f] ?? []).join(",")])) },
  }));
  const submit = (e: FormEvent) => { e.preventDefault(); go(draft.trim(), {}); };

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t("nav.search")}</h1>
      <form role="search" className="row" onSubmit={submit}>
        <label htmlFor="search-q" className="sr-only">{t("search.label")}</label>
        <input id="search-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t("search.label")} size={50} autoFocus data-testid="search-input" />
        <button type="submit">{t("search.submit")}</button>
      </form>
      {!q ? <p className="muted">{t("search.empty")}</p> : (
        <Status loaded={page}>{(p) => {
          if (!p) return null;
          // A chosen value stays listed (to unchoose it) even when nothing left has it.
          const counts = (f: (typeof FACETS)[number]) => {
            const listed = sortedCounts(p.facets?.[f]).slice(0, 12);
            return [...listed, ...(sel[f] ?? []).filter((v) => !listed.some(([x]) => x === v)).map((v): [string, number] => [v, 0])];
          };
          const shown = p.items;
          return (
            <div className="layout">
              <aside className="facets" aria-label={t("search.facets")}>
                {FACETS.map((f) => counts(f).length > 0 && (
                  <fieldset key={f}>
                    <legend>{t(`search.facet.${f}`)}</legend>
                    {counts(f).map(([v, n]) => (
                      <label key={v}>
                        <input type="checkbox" checked={sel[f]?.includes(v) ?? false} onChange={() => go(q, toggle(sel, f, v))} />
                        {f === "schema" && <TypeIcon schema={v} />} {v} <span className="muted">({n})</span>
                      </label>
                    ))}
                  </fieldset>
                ))}
                {FACETS.some((f) => (sel[f]?.length ?? 0) > 0) && <button type="button" className="secondary" onClick={() => go(q, {})}>{t("search.clear")}</button>}
                {p.facets && <p className="muted">{t(p.facets.complete ? "search.facetNote" : "search.facetCapped", { n: p.facets.counted })}</p>}
              </aside>
              <div>
                <p role="status" aria-live="polite">{t("search.results", { n: shown.length })}</p>
                {p.capped && <p className="muted">{t("search.capped")}</p>}
                {shown.length === 0 ? <p>{t("search.noResults")}</p> : (
                  <ol className="results" data-testid="results">
                    {shown.map(({ entity: e }) => (
                      <li key={e.id}>
                        <TypeIcon schema={e.schema} />
                        <a href={href("entity", { id: e.id })}>{captionOf(e)}</a>
                        <span className="meta"> · {e.schema} · {(e.datasets ?? []).map((d) => `${agencyOf.get(d) ?? "?"}/${d}`).join(", ")}</span>
                        {(e.properties["name"]?.length ?? 0) > 1 && <div className="meta">{e.properties["name"]!.slice(1, 4).join(" · ")}</div>}
                      </li>
                    ))}
                  </ol>
                )}
                <div className="row">
                  {offset > 0 && <button type="button" className="secondary" onClick={() => go(q, sel, Math.max(0, offset - PAGE))}>{t("common.prev")}</button>}
                  {p.nextOffset !== null && <button type="button" className="secondary" onClick={() => go(q, sel, p.nextOffset ?? 0)}>{t("common.next")}</button>}
                </div>
              </div>
            </div>
          );
        }}</Status>
      )}
    </section>
  );
}
