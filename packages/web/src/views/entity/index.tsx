import { unwrap, VizierApiError } from "@vizier/client";
import { useApi, useRoute, useT } from "../../app/context";
import { useLoad } from "../../app/async";
import { href } from "../../app/routes";
import { ProvenanceBadge } from "../../components/Provenance";
import { Status } from "../../components/Status";
import { TypeIcon } from "../../components/TypeIcon";
import { buildProfile } from "./model";
import { Members } from "./Members";
import { Relationships } from "./Relationships";
import { WithheldNotice } from "./Withheld";

/** The entity profile: the merged per-viewer view of a resolved entity, with provenance per value. */
export default function EntityProfile() {
  const t = useT();
  const api = useApi();
  const { id = "" } = useRoute();
  const [loaded, reload] = useLoad(async () => {
    // The resolved entity in this viewer's view; an entity that was never resolved is its own member.
    let resolved: { id: string; members: Array<{ id: string }>; judgements: Array<{ id: string; left: string; right: string; verdict: string; actor: string; at: string; reason: string; undoneAt?: string }> } | undefined;
    try {
      resolved = await unwrap(await api.api.resolved[":id"].$get({ param: { id } }));
    } catch (e) {
      if (!(e instanceof VizierApiError && e.status === 404)) throw e;
    }
    const ids = [...new Set([id, ...(resolved?.members.map((m) => m.id) ?? [])])].slice(0, 100);
    const views = (await unwrap(await api.api.entities.$get({ query: { ids: ids.join(",") } }))).items;
    return { profile: buildProfile(views), resolved };
  }, [api, id]);

  return (
    <Status loaded={loaded}>{({ profile, resolved }) => {
      if (!profile) return <p role="alert">{t("entity.notFound")}</p>;
      const ids = profile.ids.slice(0, 20);
      return (
        <article aria-labelledby="entity-title" data-testid="entity">
          <h1 id="entity-title"><TypeIcon schema={profile.schema} /> {profile.caption}</h1>
          <p className="muted">{profile.schema} · {profile.ids.length} {t("entity.members").toLowerCase()} · {profile.sources.map((s) => `${s.agency}/${s.dataset}`).join(", ")}</p>
          <nav aria-label={t("entity.openIn")} className="row">
            <span>{t("entity.openIn")}:</span>
            <a href={href("network", { ids })}>{t("view.network")}</a>
            <a href={href("flows", { ids })}>{t("view.flows")}</a>
            <a href={href("timeline", { ids })}>{t("view.timeline")}</a>
            <a href={href("map", { ids })}>{t("view.map")}</a>
            <a href={href("audit", { params: { entity: profile.ids[0] } })}>{t("entity.whoConsulted")}</a>
          </nav>
          {profile.withheld.map((g) => <WithheldNotice key={`${g.agency}/${g.dataset}/${g.handling}`} group={g} />)}
          <section className="panel" aria-labelledby="props-title">
            <h2 id="props-title">{t("entity.properties")}</h2>
            <table>
              <tbody>
                {profile.props.map((p) => (
                  <tr key={p.prop}>
                    <th scope="row">{p.prop}</th>
                    <td>
                      <ul className="values">
                        {p.values.slice(0, 25).map((v) => (
                          <li key={v.value}>{v.value} <ProvenanceBadge statements={v.statements} /></li>
                        ))}
                        {p.values.length > 25 && <li className="muted">+{p.values.length - 25}</li>}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel" aria-labelledby="sources-title">
            <h2 id="sources-title">{t("entity.sources")}</h2>
            <ul>{profile.sources.map((s) => <li key={s.dataset}>{s.agency} / {s.dataset}: {s.statements}</li>)}</ul>
          </section>
          <Relationships ids={ids} />
          {resolved && <Members resolved={resolved} onChange={reload} />}
        </article>
      );
    }}</Status>
  );
}
