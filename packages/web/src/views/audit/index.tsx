import { useState, type FormEvent } from "react";
import { unwrap } from "@vizier/client";
import { useApi, useNavigate, useRoute, useT } from "../../app/context";
import { codeOf, useLoad } from "../../app/async";
import { href } from "../../app/routes";
import { Status } from "../../components/Status";

const FIELDS = ["entity", "actor", "agency", "purpose", "since", "until"] as const;
type Field = (typeof FIELDS)[number];

/** The privacy officer's view: who consulted a person (or anything), when and why (GET /api/audit; itself audited). */
export default function Audit() {
  const t = useT();
  const api = useApi();
  const route = useRoute();
  const navigate = useNavigate();
  const current = Object.fromEntries(FIELDS.map((f) => [f, route.params.get(f) ?? ""])) as Record<Field, string>;
  const [draft, setDraft] = useState(current);
  const any = FIELDS.some((f) => current[f] !== "");
  const [loaded] = useLoad(async () => {
    if (!any) return undefined;
    const query: Record<string, string> = { limit: "200" };
    for (const f of FIELDS) if (current[f]) query[f] = current[f];
    try {
      return await unwrap(await api.api.audit.$get({ query }));
    } catch (e) {
      if (codeOf(e) === "FORBIDDEN") return "forbidden" as const;
      throw e;
    }
  }, [api, route.params.toString()]);
  const submit = (e: FormEvent) => { e.preventDefault(); navigate(href("audit", { params: draft })); };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      <form className="panel row" onSubmit={submit} aria-label={t("audit.query")}>
        {FIELDS.map((f) => (
          <label key={f}>{t(`audit.${f}`)}{" "}
            <input value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} size={f === "entity" ? 30 : 14} placeholder={f === "since" || f === "until" ? "2026-01-31" : ""} />
          </label>
        ))}
        <button type="submit">{t("audit.query")}</button>
      </form>
      {!any ? <p className="muted">{t("audit.hint")}</p> : (
        <Status loaded={loaded}>{(r) => {
          if (r === undefined) return null;
          if (r === "forbidden") return <p className="error" role="alert">{t("audit.forbidden")}</p>;
          return (
            <>
              <p role="status">{t("audit.count", { n: r.items.length })}</p>
              <table data-testid="audit-records">
                <thead><tr><th>{t("audit.when")}</th><th>{t("audit.actor")}</th><th>{t("audit.agency")}</th><th>{t("audit.purpose")}</th><th>{t("audit.action")}</th><th>{t("audit.what")}</th></tr></thead>
                <tbody>
                  {r.items.map((a) => (
                    <tr key={a.seq}>
                      <td>{a.at.slice(0, 19).replace("T", " ")}</td><td>{a.actor}</td><td>{a.agency}</td><td>{a.purpose}</td><td>{a.action}</td>
                      <td><code>{a.query.slice(0, 120)}</code>{a.resultIds.length > 0 && <span className="muted"> · {t("audit.results", { n: a.resultIds.length })}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}</Status>
      )}
    </section>
  );
}
