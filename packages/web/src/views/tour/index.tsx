import { unwrap } from "@vizier/client";
import { useApi, useT } from "../../app/context";
import { useLoad } from "../../app/async";
import { href } from "../../app/routes";
import { Status } from "../../components/Status";
import { pick, QUESTIONS } from "./model";

/**
 * The guided tour of the demo case: each question opens the right view on the right entities,
 * found now by searching the planted names as the signed-in user (never hard-coded ids).
 */
export default function Tour() {
  const t = useT();
  const api = useApi();
  const [found] = useLoad(async () => {
    const queries = [...new Set(QUESTIONS.flatMap((q) => q.lookups.map((l) => l.q)))];
    const pages = await Promise.all(queries.map(async (q) => [q, (await unwrap(await api.api.search.$get({ query: { q, limit: "50" } }))).items] as const));
    const hits = new Map(pages);
    return QUESTIONS.map((q) => {
      const ids: string[] = [];
      const missing: string[] = [];
      for (const l of q.lookups) {
        const id = pick(hits.get(l.q) ?? [], l);
        if (id) { if (!ids.includes(id)) ids.push(id); } else missing.push(l.q);
      }
      const link = q.view === "entity" ? (ids[0] ? href("entity", { id: ids[0] }) : undefined)
        : q.lookups.length === 0 ? href(q.view, { ...(q.params ? { params: q.params } : {}) })
          : ids.length > 0 ? href(q.view, { ids }) : undefined;
      return { q, link, missing };
    });
  }, [api]);
  return (
    <section aria-labelledby="tour-title">
      <h1 id="tour-title">{t("tour.title")}</h1>
      <p>{t("tour.intro")}</p>
      <Status loaded={found}>{(items) => (
        <ol className="tour" data-testid="tour">
          {items.map(({ q, link, missing }) => (
            <li key={q.key} className="panel">
              <h2>{t(`tour.q.${q.key}`)}</h2>
              <p>{t(`tour.a.${q.key}`)}</p>
              {link ? <a href={link} data-testid={`tour-${q.key}`}>{t(`tour.open.${q.view}`)} →</a> : null}
              {missing.map((m) => <p key={m} className="muted">{t("tour.notFound", { name: m })}</p>)}
            </li>
          ))}
        </ol>
      )}</Status>
    </section>
  );
}
