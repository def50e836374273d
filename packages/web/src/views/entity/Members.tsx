import { useState } from "react";
import { unwrap } from "@vizier/client";
import { useApi, useT } from "../../app/context";
import { messageOf } from "../../app/async";
import { href } from "../../app/routes";

interface Resolved {
  id: string;
  members: Array<{ id: string; schema?: string; caption?: string; datasets?: string[] }>;
  judgements: Array<{ id: string; left: string; right: string; verdict: string; actor: string; at: string; reason: string; undoneAt?: string }>;
}

/** The resolved entity's members you may read, and the analysts' decisions on them (with undo). */
export function Members({ resolved, onChange }: { resolved: Resolved; onChange: () => void }) {
  const t = useT();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const undo = async (id: string) => {
    try {
      await unwrap(await api.api.judgements[":id"].undo.$post({ param: { id } }));
      onChange();
    } catch (e) { setError(messageOf(e)); }
  };
  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">{t("entity.members")} ({resolved.members.length})</h2>
      <ul data-testid="members">
        {resolved.members.map((m) => (
          <li key={m.id}><a href={href("entity", { id: m.id })}>{m.caption ?? m.id}</a> <span className="muted">{m.schema} · {(m.datasets ?? []).join(", ")}</span></li>
        ))}
      </ul>
      {resolved.judgements.length > 0 && (
        <>
          <h3>{t("entity.history")}</h3>
          <table>
            <tbody>
              {resolved.judgements.map((j) => (
                <tr key={j.id}>
                  <td>{j.at.slice(0, 16).replace("T", " ")}</td>
                  <td>{j.actor}</td>
                  <td>{j.verdict}{j.undoneAt ? ` (${t("entity.undone")})` : ""}</td>
                  <td>{j.reason}</td>
                  <td>{!j.undoneAt && <button type="button" className="secondary" onClick={() => void undo(j.id)}>{t("entity.undo")}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
