/** Trace money forward or backward from one party (GET /api/flows/trace): paths step by step, and who retains it. */
import { useState } from "react";
import { useApi, useApp, useT } from "../../app/context";
import { isMissingRoute, messageOf } from "../../app/async";
import { href } from "../../app/routes";
import { traceFrom, type By, type Window } from "./api";
import { euro } from "./model";

type Trace = Awaited<ReturnType<typeof traceFrom>>;

export function TracePanel({ start, setStart, choices, by, window }: {
  start: string;
  setStart: (id: string) => void;
  choices: readonly (readonly [string, string])[];
  by: By;
  window: Window;
}) {
  const t = useT();
  const api = useApi();
  const { lang } = useApp();
  const [direction, setDirection] = useState<"forward" | "backward">("forward");
  const [hops, setHops] = useState(4);
  const [result, setResult] = useState<Trace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await traceFrom(api, start, by, direction, hops, window));
    } catch (e) {
      setResult(null);
      setError(isMissingRoute(e) ? t("flows.unavailable") : messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="flows-trace" data-testid="flows-trace">
      <h2 id="flows-trace">{t("flows.trace")}</h2>
      <form className="row" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label>{t("flows.traceFrom")} <select value={start} onChange={(e) => setStart(e.target.value)} data-testid="trace-start">
          <option value="">—</option>
          {choices.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
        </select></label>
        <label>{t("flows.direction")} <select value={direction} onChange={(e) => setDirection(e.target.value as "forward" | "backward")}>
          <option value="forward">{t("flows.direction.forward")}</option><option value="backward">{t("flows.direction.backward")}</option>
        </select></label>
        <label>{t("flows.hops")} <input type="number" min={1} max={10} value={hops} onChange={(e) => setHops(Math.max(1, Math.min(10, Number(e.target.value) || 1)))} style={{ width: 60 }} /></label>
        <button type="submit" disabled={!start || busy} data-testid="trace-run">{t("flows.traceRun")}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {result && (
        <div role="status" data-testid="trace-result">
          <p>{t("flows.traceTotal", { total: euro(result.total, lang), start: result.start.label, stopped: euro(result.stopped, lang) })}</p>
          {result.retained.length > 0 && (
            <>
              <h3>{t("flows.retained")}</h3>
              <ul>{result.retained.slice(0, 15).map((r) => <li key={r.id}><a href={href("entity", { id: r.id })}>{r.label}</a> {euro(r.amount, lang)}</li>)}</ul>
            </>
          )}
          <h3>{t("flows.paths")}</h3>
          <ol className="trace-paths">
            {result.paths.slice(0, 30).map((p, i) => (
              <li key={i}>
                <strong>{euro(p.amount, lang)}</strong>:{" "}
                {p.steps.map((s, k) => (
                  <span key={k}>{k === 0 && <a href={href("entity", { id: s.from.id })}>{s.from.label}</a>} <span title={`${s.payment} · ${s.time.slice(0, 10)} · ${euro(s.amount, lang)}`}>→ {euro(s.traced, lang)} {s.time.slice(0, 10)} →</span> <a href={href("entity", { id: s.to.id })}>{s.to.label}</a></span>
                ))}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
