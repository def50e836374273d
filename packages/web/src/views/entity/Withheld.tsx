import { useState, type FormEvent } from "react";
import { unwrap } from "@vizier/client";
import { useApi, useT } from "../../app/context";
import { messageOf } from "../../app/async";
import type { WithheldGroup } from "./model";

/** "Withheld: FIOD holds 4 statements (H2)" with a request-access form (core/access via the API). */
export function WithheldNotice({ group }: { group: WithheldGroup }) {
  const t = useT();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await unwrap(await api.api["access-requests"].$post({ json: { entityIds: group.entityIds, dataset: group.dataset, justification: text } }));
      setResult({ ok: true, text: t("entity.requestSent", { id: r.id }) });
      setOpen(false);
    } catch (err) {
      setResult({ ok: false, text: t("common.error", { detail: messageOf(err) }) });
    }
  };
  const id = `withheld-${group.dataset}-${group.handling}`;
  return (
    <div className="withheld" role="note" data-testid="withheld">
      <strong>{t("entity.withheld", { agency: group.agency, count: group.count, handling: group.handling, dataset: group.dataset })}</strong>
      {group.props.length > 0 && <span> — {t("entity.withheldProps", { props: group.props.join(", ") })}</span>}
      {!open && !result?.ok && <> <button type="button" className="secondary" onClick={() => setOpen(true)}>{t("entity.requestAccess")}</button></>}
      {open && (
        <form onSubmit={(e) => void submit(e)} className="row">
          <label htmlFor={id}>{t("entity.justification")}</label>
          <input id={id} value={text} onChange={(e) => setText(e.target.value)} minLength={10} maxLength={4000} required size={60} />
          <button type="submit">{t("entity.requestAccess")}</button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>{t("common.close")}</button>
        </form>
      )}
      {result && <p role="status" className={result.ok ? "" : "error"}>{result.text}</p>}
    </div>
  );
}
