import { useState, type FormEvent } from "react";
import { unwrap } from "@vizier/client";
import { useApi, useSession, useT } from "../../app/context";
import { messageOf, useLoad } from "../../app/async";
import { href } from "../../app/routes";
import { Status } from "../../components/Status";
import { parseIds, splitRequests, type AccessRequest } from "./model";

/** Access requests: file one, see your own, and (admins, privacy officers, liaisons) approve or refuse those to your agency. */
export default function Access() {
  const t = useT();
  const api = useApi();
  const { actor } = useSession();
  const [loaded, reload] = useLoad(async () => (await unwrap(await api.api["access-requests"].$get({ query: {} }))).items, [api]);
  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title">{t("access.title")}</h1>
      <Status loaded={loaded}>{(items) => {
        const s = splitRequests(items, actor);
        return (
          <>
            {s.decider && (
              <section className="panel" aria-labelledby="to-decide">
                <h2 id="to-decide">{t("access.toDecide", { agency: actor.agency })}</h2>
                {s.toDecide.length === 0 ? <p className="muted">{t("common.none")}</p> : s.toDecide.map((r) => <Decide key={r.id} request={r} onDone={reload} />)}
              </section>
            )}
            <section className="panel" aria-labelledby="mine">
              <h2 id="mine">{t("access.mine")}</h2>
              <RequestTable items={s.mine} />
            </section>
            {s.decided.length > 0 && (
              <section className="panel" aria-labelledby="decided">
                <h2 id="decided">{t("access.decided")}</h2>
                <RequestTable items={s.decided} />
              </section>
            )}
            <NewRequest onDone={reload} />
          </>
        );
      }}</Status>
    </section>
  );
}

function RequestTable({ items }: { items: readonly AccessRequest[] }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{t("common.none")}</p>;
  return (
    <table data-testid="requests">
      <thead><tr><th>{t("access.when")}</th><th>{t("access.requester")}</th><th>{t("access.owner")}</th><th>{t("access.entities")}</th><th>{t("audit.purpose")}</th><th>{t("access.status")}</th><th>{t("access.reason")}</th></tr></thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <td>{r.createdAt.slice(0, 16).replace("T", " ")}</td>
            <td>{r.requester} ({r.requesterAgency})</td>
            <td>{r.owner} / {r.dataset}</td>
            <td>{r.entityIds.map((id) => <a key={id} href={href("entity", { id })}>{id.slice(0, 10)}… </a>)}</td>
            <td>{r.purpose}</td>
            <td data-testid="request-status">{t(`access.${r.status}`)}</td>
            <td>{r.reason ?? r.justification}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Decide({ request: r, onDone }: { request: AccessRequest; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const decide = async (approve: boolean) => {
    try {
      await unwrap(await api.api["access-requests"][":id"].decision.$post({ param: { id: r.id }, json: { approve, reason } }));
      onDone();
    } catch (e) { setError(messageOf(e)); }
  };
  const id = `reason-${r.id}`;
  return (
    <div className="panel" data-testid="decide">
      <p><strong>{r.requester}</strong> ({r.requesterAgency}) · {r.dataset} · {r.purpose} · {r.entityIds.length} {t("access.entities").toLowerCase()}</p>
      <p>“{r.justification}”</p>
      <div className="row">
        <label htmlFor={id}>{t("access.reason")}</label>
        <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} size={40} />
        <button type="button" disabled={reason.trim().length < 3} onClick={() => void decide(true)}>{t("access.approve")}</button>
        <button type="button" className="secondary" disabled={reason.trim().length < 3} onClick={() => void decide(false)}>{t("access.refuse")}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}

function NewRequest({ onDone }: { onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const [ids, setIds] = useState("");
  const [dataset, setDataset] = useState("");
  const [justification, setJustification] = useState("");
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await unwrap(await api.api["access-requests"].$post({ json: { entityIds: parseIds(ids), dataset: dataset.trim(), justification } }));
      setMsg({ ok: true, text: t("entity.requestSent", { id: r.id }) });
      onDone();
    } catch (err) { setMsg({ ok: false, text: messageOf(err) }); }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="new-request">
      <h2 id="new-request">{t("access.new")}</h2>
      <div className="row">
        <label htmlFor="nr-ids">{t("access.entities")}</label>
        <input id="nr-ids" value={ids} onChange={(e) => setIds(e.target.value)} required size={40} />
        <label htmlFor="nr-dataset">{t("prov.dataset")}</label>
        <input id="nr-dataset" value={dataset} onChange={(e) => setDataset(e.target.value)} required size={14} />
      </div>
      <div className="row">
        <label htmlFor="nr-just">{t("entity.justification")}</label>
        <input id="nr-just" value={justification} onChange={(e) => setJustification(e.target.value)} minLength={10} required size={60} />
        <button type="submit">{t("entity.requestAccess")}</button>
      </div>
      {msg && <p role="status" className={msg.ok ? "" : "error"}>{msg.text}</p>}
    </form>
  );
}
