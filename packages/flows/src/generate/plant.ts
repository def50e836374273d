/**
 * Plants laundering typologies as IBM AMLSim defines them (src/amlsim/model/aml/*Typology.java,
 * parameters in paramFiles/<set>/alertPatterns.csv): member roles, transaction counts, amount
 * rules (cycle and scatter-gather keep (1 - margin) per hop, gather-scatter forwards
 * (1 - margin) of what it gathered, stack splits the first layer's total over the last) and a
 * period of min..max days. Schedules follow AMLSim's ordered random intervals, so cycles and
 * stacks are time-respecting. Also plants three behavioural typologies the issue names:
 * structuring, layering chains and mule pass-through (forwarding abroad).
 */
import type { Rng } from "./rng";
import type { TxSink } from "./sink";
import type { Population } from "./background";
import { DAY } from "./background";

export const AMLSIM_TYPES = ["fan_in", "fan_out", "cycle", "bipartite", "stack", "scatter_gather", "gather_scatter"] as const;
export const EXTRA_TYPES = ["structuring", "layering", "pass_through"] as const;
export type PlantType = (typeof AMLSIM_TYPES)[number] | (typeof EXTRA_TYPES)[number];

/** One row of AMLSim's alertPatterns.csv. */
export interface AlertPatternSpec {
  type: string;
  minAccounts: number;
  maxAccounts: number;
  minAmount: number;
  maxAmount: number;
  minPeriod: number;
  maxPeriod: number;
}

/** Defaults: paramFiles/typologies/alertPatterns.csv, with fan and cycle sizes from paramFiles/1K (5–10). */
export const DEFAULT_SPECS: AlertPatternSpec[] = [
  { type: "fan_in", minAccounts: 5, maxAccounts: 10, minAmount: 100, maxAmount: 200, minPeriod: 10, maxPeriod: 20 },
  { type: "fan_out", minAccounts: 5, maxAccounts: 10, minAmount: 100, maxAmount: 200, minPeriod: 10, maxPeriod: 20 },
  { type: "cycle", minAccounts: 5, maxAccounts: 10, minAmount: 100, maxAmount: 200, minPeriod: 10, maxPeriod: 20 },
  { type: "bipartite", minAccounts: 5, maxAccounts: 5, minAmount: 100, maxAmount: 200, minPeriod: 10, maxPeriod: 20 },
  { type: "stack", minAccounts: 6, maxAccounts: 9, minAmount: 100, maxAmount: 200, minPeriod: 10, maxPeriod: 20 },
  { type: "scatter_gather", minAccounts: 7, maxAccounts: 7, minAmount: 100, maxAmount: 200, minPeriod: 10, maxPeriod: 20 },
  { type: "gather_scatter", minAccounts: 11, maxAccounts: 11, minAmount: 100, maxAmount: 200, minPeriod: 10, maxPeriod: 20 },
];

/** Parses AMLSim's alertPatterns.csv (header: count,type,schedule_id,min_accounts,...). */
export function parseAlertPatterns(text: string): AlertPatternSpec[] {
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const cols = (head ?? "").split(",").map((c) => c.trim());
  const at = (row: string[], name: string): string => row[cols.indexOf(name)] ?? "";
  return lines.map((l) => {
    const row = l.split(",");
    return {
      type: at(row, "type"), minAccounts: Number(at(row, "min_accounts")), maxAccounts: Number(at(row, "max_accounts")),
      minAmount: Number(at(row, "min_amount")), maxAmount: Number(at(row, "max_amount")),
      minPeriod: Number(at(row, "min_period")), maxPeriod: Number(at(row, "max_period")),
    };
  });
}

const MARGIN = 0.1; // AMLSim conf.json default margin_ratio

/** Plants one instance; returns the number of transactions added. */
export function plant(r: Rng, type: PlantType, spec: AlertPatternSpec, pop: Population, span: { t0: number; days: number }, sink: TxSink, instance: number, scale: number): number {
  const before = sink.n;
  const n = r.int(spec.minAccounts, spec.maxAccounts);
  const period = r.int(spec.minPeriod, spec.maxPeriod) * DAY;
  const start = span.t0 + r.uniform(0, span.days * DAY - period - DAY);
  const at = (lo = 0, hi = 1): number => start + r.uniform(lo, hi) * period;
  const amount = (): number => r.uniform(spec.minAmount, spec.maxAmount) * scale;
  const pool = [...pop.persons, ...pop.companies];
  const members: number[] = [];
  const used = new Set<number>();
  while (members.length < n) { const a = r.pick(pool); if (!used.has(a)) { used.add(a); members.push(a); } }
  const m = (k: number): number => members[k] ?? 0;
  const push = (f: number, t: number, a: number, time: number): void => sink.push(f, t, a, time, instance);
  switch (type) {
    case "fan_in": for (let k = 1; k < n; k++) push(m(k), m(0), amount(), at()); break;
    case "fan_out": for (let k = 1; k < n; k++) push(m(0), m(k), amount(), at()); break;
    case "cycle": {
      const times = members.map(() => at()).sort((a, b) => a - b);
      let x = spec.maxAmount * scale;
      for (let k = 0; k < n; k++) { push(m(k), m((k + 1) % n), x, times[k] ?? start); x = Math.max(x * (1 - MARGIN), spec.minAmount * scale); }
      break;
    }
    case "bipartite": {
      const half = Math.floor(n / 2);
      const x = amount();
      for (let i = 0; i < half; i++) for (let j = half; j < n; j++) push(m(i), m(j), x, at());
      break;
    }
    case "stack": {
      const l1 = Math.floor(n / 3);
      const a1 = amount();
      const a2 = (a1 * l1 * l1) / (l1 * (n - 2 * l1));
      for (let i = 0; i < l1; i++) for (let j = l1; j < 2 * l1; j++) push(m(i), m(j), a1, at(0, 0.5));
      for (let i = l1; i < 2 * l1; i++) for (let j = 2 * l1; j < n; j++) push(m(i), m(j), a2, at(0.5, 1));
      break;
    }
    case "scatter_gather": {
      const x = spec.maxAmount * scale;
      const g = Math.max(x * (1 - MARGIN), spec.minAmount * scale);
      for (let k = 2; k < n; k++) { push(m(0), m(k), x, at(0, 0.5)); push(m(k), m(1), g, at(0.5, 1)); }
      break;
    }
    case "gather_scatter": {
      const origs = Math.floor((n - 1) / 2);
      let total = 0;
      for (let k = 1; k <= origs; k++) { const x = amount(); total += x; push(m(k), m(0), x, at(0, 0.5)); }
      const each = (total * (1 - MARGIN)) / (n - 1 - origs);
      for (let k = origs + 1; k < n; k++) push(m(0), m(k), each, at(0.5, 1));
      break;
    }
    case "structuring": {
      // An individual splitting a large sum into payments just under EUR 10,000.
      const count = r.int(3, 6);
      const targets = [m(1), m(2)];
      let who = r.pick(pop.persons);
      while (used.has(who)) who = r.pick(pop.persons);
      for (let k = 0; k < count; k++) push(who, r.pick(targets), r.uniform(9000, 9990), at());
      break;
    }
    case "layering": {
      const hops = r.int(4, 7);
      let x = r.uniform(20000, 50000);
      let t = at(0, 0.2);
      for (let k = 0; k < hops; k++) {
        push(m(k % n), k + 1 < n ? m(k + 1) : r.pick(pop.foreign), x, t);
        x *= r.uniform(0.97, 0.995);
        t += r.uniform(0.2, 2.5) * DAY;
      }
      break;
    }
    case "pass_through": {
      // A mule fed repeatedly by two controllers (so not a fan-in) forwarding abroad.
      const count = r.int(4, 6);
      let t = at(0, 0.5);
      const dest = r.pick(pop.foreign);
      for (let k = 0; k < count; k++) {
        const x = r.uniform(1500, 4500);
        push(m((k % 2) + 1), m(0), x, t);
        push(m(0), dest, x * r.uniform(0.9, 0.98), t + r.uniform(0.1, 1) * DAY);
        t += r.uniform(0.5, 2) * DAY;
      }
      break;
    }
  }
  return sink.n - before;
}
