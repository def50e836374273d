/**
 * Labelled transaction generator: realistic background traffic with AMLSim typologies (and the
 * behavioural ones) planted at a given laundering rate, seeded and deterministic.
 */
import { rng } from "./rng";
import { TxSink } from "./sink";
import { DAY, TX_PER_PERSON, background, population } from "./background";
import type { AlertPatternSpec, PlantType } from "./plant";
import { AMLSIM_TYPES, DEFAULT_SPECS, EXTRA_TYPES, plant } from "./plant";
import { VizierError } from "@vizier/model";

export type { AlertPatternSpec, PlantType } from "./plant";
export { AMLSIM_TYPES, EXTRA_TYPES, DEFAULT_SPECS, parseAlertPatterns } from "./plant";

export interface GenerateOptions {
  seed: number;
  /** Total number of transactions (exact). */
  transactions: number;
  /** Laundering transactions per transaction (default 1/1000). */
  launderingRate?: number;
  /** Typologies to plant, in round-robin order (default the seven AMLSim ones and the three behavioural ones). */
  types?: readonly PlantType[];
  /** AMLSim pattern parameters by type (default {@link DEFAULT_SPECS}). */
  specs?: readonly AlertPatternSpec[];
  /** Factor applied to AMLSim amounts (default 1: AMLSim's 100–200). */
  amountScale?: number;
  /** First day, epoch seconds (default 2025-01-01T00:00:00Z). */
  start?: number;
}

export interface GeneratedInstance {
  id: string;
  pattern: PlantType;
}

/** Generated data, rows sorted by time; `instanceOf[i]` indexes `instances` or is -1. */
export interface Generated {
  accounts: string[];
  country: string[];
  from: Int32Array;
  to: Int32Array;
  amount: Float64Array;
  time: Float64Array;
  instanceOf: Int32Array;
  instances: GeneratedInstance[];
}

const EXTRA_SPEC = (type: string): AlertPatternSpec => ({ type, minAccounts: 8, maxAccounts: 8, minAmount: 0, maxAmount: 0, minPeriod: 10, maxPeriod: 20 });

export function generateTransactions(o: GenerateOptions): Generated {
  const n = Math.floor(o.transactions);
  if (!(n >= 1000)) throw new VizierError("INVALID_ARGUMENT", "generate at least 1,000 transactions");
  const rate = o.launderingRate ?? 0.001;
  const types = o.types ?? [...AMLSIM_TYPES, ...EXTRA_TYPES];
  const specs = o.specs ?? DEFAULT_SPECS;
  const t0 = o.start ?? Date.UTC(2025, 0, 1) / 1000;
  const r = rng(o.seed);
  const pop = population(r, Math.max(50, Math.ceil((n * (1 - rate)) / TX_PER_PERSON)));
  const bad = new TxSink();
  const instances: GeneratedInstance[] = [];
  const budget = Math.max(1, Math.round(n * rate));
  for (let k = 0; bad.n < budget; k++) {
    const type = types[k % types.length];
    if (!type) throw new VizierError("INVALID_ARGUMENT", "no typologies to plant");
    const spec = specs.find((s) => s.type === type) ?? EXTRA_SPEC(type);
    if (!(AMLSIM_TYPES as readonly string[]).includes(type) && !(EXTRA_TYPES as readonly string[]).includes(type)) throw new VizierError("INVALID_ARGUMENT", `unknown typology ${type}`);
    instances.push({ id: `I${instances.length + 1}`, pattern: type });
    plant(r, type, spec, pop, { t0, days: 365 }, bad, instances.length - 1, o.amountScale ?? 1);
  }
  const bg = new TxSink();
  background(r, pop, t0, bg);
  const target = Math.max(0, n - bad.n);
  while (bg.n < target) bg.push(r.pick(pop.persons), r.pick(pop.shops), r.logNormal(40, 1), t0 + r.int(0, 364) * DAY + (8 + r.next() * 13) * 3600);
  // Keep a random `target` of the background rows (partial Fisher–Yates).
  const keep = new Uint32Array(bg.n);
  for (let i = 0; i < bg.n; i++) keep[i] = i;
  for (let i = 0; i < target; i++) {
    const j = i + Math.floor(r.next() * (bg.n - i));
    const x = keep[i] ?? 0; keep[i] = keep[j] ?? 0; keep[j] = x;
  }
  const total = target + bad.n;
  const src = (k: number): [TxSink, number] => (k < target ? [bg, keep[k] ?? 0] : [bad, k - target]);
  const tMin = t0 - 400 * DAY;
  const keys = new Float64Array(total);
  for (let k = 0; k < total; k++) { const [s, i] = src(k); keys[k] = ((s.time[i] ?? 0) - tMin) * total + k; }
  keys.sort();
  const g: Generated = {
    accounts: pop.names, country: pop.country,
    from: new Int32Array(total), to: new Int32Array(total), amount: new Float64Array(total), time: new Float64Array(total),
    instanceOf: new Int32Array(total), instances,
  };
  for (let r2 = 0; r2 < total; r2++) {
    const [s, i] = src((keys[r2] ?? 0) % total);
    g.from[r2] = s.from[i] ?? 0; g.to[r2] = s.to[i] ?? 0; g.amount[r2] = s.amount[i] ?? 0; g.time[r2] = s.time[i] ?? 0;
    g.instanceOf[r2] = s === bad ? (s.instance[i] ?? -1) : -1;
  }
  return g;
}

/** Transaction id of generated row `i` (rows are in time order). */
export function generatedTxId(i: number): string {
  return `T${String(i + 1).padStart(9, "0")}`;
}

export const GENERATED_COLUMNS = ["tx_id", "from_account", "to_account", "amount", "currency", "timestamp", "from_country", "to_country"] as const;

/** CSV lines (no header) for rows [from, to); ids come from {@link generatedTxId}. */
export function generatedCsvLines(g: Generated, lo: number, hi: number): string {
  const out: string[] = [];
  for (let i = lo; i < hi; i++) {
    const f = g.from[i] ?? 0;
    const t = g.to[i] ?? 0;
    out.push(`${generatedTxId(i)},${g.accounts[f] ?? ""},${g.accounts[t] ?? ""},${(g.amount[i] ?? 0).toFixed(2)},EUR,${new Date((g.time[i] ?? 0) * 1000).toISOString().replace(".000Z", "Z")},${g.country[f] ?? ""},${g.country[t] ?? ""}`);
  }
  return out.length ? out.join("\n") + "\n" : "";
}

/** Ground truth lines (no header): instance_id,pattern,tx_id for each laundering row. */
export function truthCsvLines(g: Generated): string {
  const out: string[] = [];
  for (let i = 0; i < g.instanceOf.length; i++) {
    const k = g.instanceOf[i] ?? -1;
    if (k < 0) continue;
    const inst = g.instances[k];
    if (inst) out.push(`${inst.id},${inst.pattern},${generatedTxId(i)}`);
  }
  return out.length ? out.join("\n") + "\n" : "";
}
