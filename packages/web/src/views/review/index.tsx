import { useEffect, useState } from "react";
import { unwrap } from "@vizier/client";
import { useApi, useT } from "../../app/context";
import { messageOf, useLoad } from "../../app/async";
import { href } from "../../app/routes";
import { Status } from "../../components/Status";
import { TypeIcon } from "../../components/TypeIcon";
import { explanationRows, pct, shortcut, type FieldContribution, type Verdict } from "./model";

/** The review queue: one pair side by side with its per-field explanation; c/r/u decide, j/k move. */
export default function Review() {
  const t = useT();
  const api = useApi();
  const [index, setIndex] = useState(0);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [queue, reloadQueue] = useLoad(async () => (await unwrap(await api.api.review.$get({ query: { status: "open", limit: "50" } }))).items, [api]);
  const items = queue.state === "ok" ? queue.value : [];
  const current = items[Math.min(index, Math.max(0, items.length - 1))];
  const [detail] = useLoad(async () => {
    if (!current) return undefined;
    const [pair, views] = await Promise.all([
      unwrap(await api.api.review[":id"].$get({ param: { id: current.pair.id } })),
      unwrap(await api.api.entities.$get({ query: { ids: `${current.pair.left},${current.pair.right}` } })),
    ]);
    return { pair, views: views.items };
  }, [api, current?.pair.id]);

  const decide = async (verdict: Verdict) => {
    if (!current) return;
    try {
      await unwrap(await api.api.judgements.$post({ json: { left: current.pair.left, right: current.pair.right, verdict, reason: reason.trim() || t("review.defaultReason") } }));
      setMessage({ ok: true, text: t("review.judged", { verdict: t(`review.verdict.${verdict}`) }) });
      setReason("");
      reloadQueue();
    } catch (e) { setMessage({ ok: false, text: messageOf(e) }); }
  };

  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      const typing = !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
      const action = shortcut(e.key, typing);
      if (!action) return;
      e.preventDefault();
      if (action === "next") setIndex((i) => Math.min(i + 1, Math.max(0, items.length - 1)));
      else if (action === "prev") setIndex((i) => Math.max(0, i - 1));
      else void decide(action);
    };
    window.addEventListener("keydown", on);
    return () => window.removeEventListener("keydown", on);
  });

  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">{t("review.title")}</h1>
      <p className="muted">{t("review.keys")}</p>
      {message && <p role="status" className={message.ok ? "" : "error"} data-testid="review-message">{message.text}</p>}
      <Status loaded={queue}>{() => !current ? <p>{t("review.empty")}</p> : (
        <>
          <p>{t("review.position", { i: items.indexOf(current) + 1, n: items.length })} · {t("review.score", { score: pct(current.pair.probability) })}</p>
          <div className="row">
            <label htmlFor="review-reason">{t("review.reason")}</label>
            <input id="review-reason" value={reason} onChange={(e) => setReason(e.target.value)} size={50} maxLength={4000} />
            <button type="button" onClick={() => void decide("confirm")} aria-keyshortcuts="c">{t("review.confirm")}</button>
            <button type="button" onClick={() => void decide("reject")} aria-keyshortcuts="r">{t("review.reject")}</button>
            <button type="button" className="secondary" onClick={() => void decide("unsure")} aria-keyshortcuts="u">{t("review.unsure")}</button>
          </div>
          <div className="pair" data-testid="pair">
            {[current.left, current.right].map((b) => (
              <div key={b.id} className="panel">
                <h2><TypeIcon schema={b.schema} /> <a href={href("entity", { id: b.id })}>{b.caption}</a></h2>
                <p className="muted">{b.schema} · {b.datasets.join(", ")}</p>
                {detail.state === "ok" && detail.value && (() => {
                  const v = detail.value.views.find((x) => x.entity.id === b.id);
                  return v ? (
                    <table><tbody>
                      {Object.entries(v.entity.properties).slice(0, 14).map(([k, vals]) => <tr key={k}><th scope="row">{k}</th><td>{vals.slice(0, 5).join(" · ")}</td></tr>)}
                    </tbody></table>
                  ) : null;
                })()}
              </div>
            ))}
          </div>
          <Status loaded={detail}>{(d) => d ? (
            <section className="panel" aria-labelledby="expl-title">
              <h2 id="expl-title">{t("review.explanation")}</h2>
              <table>
                <thead><tr><th>{t("review.field")}</th><th>{t("review.left")}</th><th>{t("review.right")}</th><th>{t("review.comparison")}</th><th>{t("review.weight")}</th></tr></thead>
                <tbody>
                  {explanationRows((d.pair.explanation as { fields?: FieldContribution[] }).fields ?? []).map((r) => (
                    <tr key={r.field}>
                      <th scope="row">{r.field}</th><td>{r.left}</td><td>{r.right}</td><td>{r.label}</td>
                      <td className={`weight-${r.direction}`}>{r.total > 0 ? "+" : ""}{r.total.toFixed(2)} ({t(`review.dir.${r.direction}`)})</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}</Status>
        </>
      )}</Status>
    </section>
  );
}
