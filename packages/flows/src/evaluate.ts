/**
 * Scores alerts against planted ground truth. An alert matches a planted instance when at least
 * half of the alert's transactions belong to the instance and it covers at least half of the
 * instance's transactions. Recall per planted typology: share of instances matched by an alert
 * of the same pattern. Precision per alert pattern: share of alerts that match an instance; for
 * the seven structural typologies the instance must be of the same typology, for behavioural
 * indicators (pass-through, layering, focus country, ...) any planted laundering counts.
 */
import type { Alert } from "./alert";

const STRUCTURAL = new Set(["fan_in", "fan_out", "cycle", "bipartite", "stack", "scatter_gather", "gather_scatter", "structuring", "layering", "pass_through"]);

export interface PatternScore {
  pattern: string;
  instances: number;
  found: number;
  recall: number;
  alerts: number;
  correct: number;
  precision: number;
}

/** `instanceOf[tx]` is the planted instance index of each transaction or -1; `patternOf[k]` its typology. */
export function evaluateAlerts(alerts: readonly Alert[], instanceOf: Int32Array, patternOf: readonly string[]): PatternScore[] {
  const size = new Map<number, number>();
  for (const k of instanceOf) if (k >= 0) size.set(k, (size.get(k) ?? 0) + 1);
  const found = new Set<string>(); // `${instance}:${pattern}`
  const stats = new Map<string, { alerts: number; correct: number }>();
  for (const a of alerts) {
    const counts = new Map<number, number>();
    for (const i of a.txs) { const k = instanceOf[i] ?? -1; if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + 1); }
    let ok = false;
    for (const [k, c] of counts) {
      if (c < 0.5 * a.txs.length || c < 0.5 * (size.get(k) ?? 0)) continue;
      const same = patternOf[k] === a.pattern;
      if (same || !STRUCTURAL.has(a.pattern)) ok = true;
      if (same) found.add(`${k}:${a.pattern}`);
    }
    // A behavioural alert is also right when most of it is laundering, even if it spans instances.
    if (!ok && !STRUCTURAL.has(a.pattern)) {
      let bad = 0;
      for (const c of counts.values()) bad += c;
      ok = bad >= 0.5 * a.txs.length;
    }
    const s = stats.get(a.pattern) ?? { alerts: 0, correct: 0 };
    s.alerts++;
    if (ok) s.correct++;
    stats.set(a.pattern, s);
  }
  const patterns = [...new Set([...patternOf, ...stats.keys()])].sort();
  return patterns.map((p) => {
    const inst = [...size.keys()].filter((k) => patternOf[k] === p);
    const f = inst.filter((k) => found.has(`${k}:${p}`)).length;
    const s = stats.get(p) ?? { alerts: 0, correct: 0 };
    return {
      pattern: p, instances: inst.length, found: f, recall: inst.length ? f / inst.length : NaN,
      alerts: s.alerts, correct: s.correct, precision: s.alerts ? s.correct / s.alerts : NaN,
    };
  });
}
