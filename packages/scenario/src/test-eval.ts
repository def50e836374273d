/**
 * Test and benchmark support: runs the generated scenario through packages/resolution (person
 * records of every agency, file-level link) and packages/flows (the FIU transactions) and scores
 * the results against truth/*.csv. Used by e2e.test.ts and bench/scenario.ts.
 */
import { bcubedScores, pairwiseScores, resolve, type ErRecord } from "@vizier/resolution";
import { TxTableBuilder, detectPatterns, evaluateAlerts, type PatternScore } from "@vizier/flows";
import type { Manifest } from "./manifest";
import { readRows, readTruth, recordId, type Row } from "./test-read";

/** Which columns of which file describe a person, and how its date of birth is written. */
interface PersonSource {
  file: string;
  role: string;
  name: (r: Row) => string;
  dob: (r: Row) => string;
  phone?: (r: Row) => string;
  city?: (r: Row) => string;
  /** Rows that describe a person in this role (e.g. natural-person holders only). */
  when?: (r: Row) => boolean;
  /** Collapse repeated mentions (an account holder seen in many transactions) to one record. */
  dedupe?: (r: Row) => string;
}

const dmy = (s: string | undefined): string => {
  const m = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(s ?? "");
  return m ? `${m[3]}-${m[2]}-${m[1]}` : "";
};
const ymd = (s: string | undefined): string => {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s ?? "");
  return m ? `${m[1]}-${m[2]}-${m[3]}` : "";
};
const v = (r: Row, k: string): string => r[k] ?? "";

const PERSON_SOURCES: PersonSource[] = [
  { file: "politie/personen.csv", role: "person", name: (r) => `${v(r, "voornamen")} ${v(r, "achternaam")}`, dob: (r) => dmy(r["geboortedatum"]), phone: (r) => v(r, "telefoon"), city: (r) => v(r, "woonplaats") },
  { file: "politie/voertuigen.csv", role: "holder", name: (r) => v(r, "houder_naam"), dob: (r) => dmy(r["houder_geboortedatum"]), when: (r) => r["houder_soort"] === "natuurlijk persoon" },
  { file: "kvk/handelsregister.csv", role: "director", name: (r) => v(r, "bestuurder_naam"), dob: (r) => dmy(r["bestuurder_geboortedatum"]), when: (r) => v(r, "bestuurder_naam") !== "" },
  { file: "kvk/handelsregister.csv", role: "director2", name: (r) => v(r, "bestuurder2_naam"), dob: (r) => dmy(r["bestuurder2_geboortedatum"]), when: (r) => v(r, "bestuurder2_naam") !== "" },
  { file: "fiod/relaties.csv", role: "", name: (r) => v(r, "naam"), dob: (r) => dmy(r["geboortedatum"]) },
  { file: "kmar/grenspassages.tsv", role: "traveller", name: (r) => `${v(r, "voornamen")} ${v(r, "achternaam")}`, dob: (r) => ymd(r["geboortedatum"]), dedupe: (r) => v(r, "documentnummer") },
  { file: "fiu/ongebruikelijke-transacties.jsonl", role: "payer", name: (r) => v(r, "betaler.naam"), dob: (r) => ymd(r["betaler.geboortedatum"]), when: (r) => r["betaler.soort"] === "natuurlijk persoon", dedupe: (r) => `${v(r, "betaler.rekening")}|${v(r, "betaler.naam")}` },
  { file: "fiu/ongebruikelijke-transacties.jsonl", role: "beneficiary", name: (r) => v(r, "begunstigde.naam"), dob: (r) => ymd(r["begunstigde.geboortedatum"]), when: (r) => r["begunstigde.soort"] === "natuurlijk persoon", dedupe: (r) => `${v(r, "begunstigde.rekening")}|${v(r, "begunstigde.naam")}` },
  { file: "buitenland/co-dijin-personas.csv", role: "person", name: (r) => `${v(r, "nombres")} ${v(r, "apellidos")}`, dob: (r) => dmy(r["fecha_nacimiento"]), phone: (r) => v(r, "telefono") },
];

export interface ResolutionFigures {
  records: number;
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
  /** The case's persons: share of their true record pairs put in one cluster, and share of their predicted pairs that are true. */
  planted: { records: number; recall: number; precision: number };
  seconds: number;
}

/** Person records of every agency with their true entity (records without one are left out). */
export function personRecords(dir: string, m: Manifest): { records: ErRecord[]; truth: string[] } {
  const truth = new Map<string, string>();
  for (const t of readTruth(dir, "identities.csv")) if (t["kind"] === "person") truth.set(`${t["file"]}|${t["record"]}|${t["role"]}`, t["entity"] ?? "");
  const records: ErRecord[] = [];
  const labels: string[] = [];
  const cache = new Map<string, Row[]>();
  for (const s of PERSON_SOURCES) {
    const f = m.files.find((x) => x.file === s.file);
    if (!f) continue;
    const rows = cache.get(f.file) ?? readRows(dir, f);
    cache.set(f.file, rows);
    const seen = new Set<string>();
    for (const r of rows) {
      if (s.when && !s.when(r)) continue;
      const rec = recordId(f, r);
      const role = s.role || (r["rol"] === "bestuurder" ? "director" : "shareholder");
      const entity = truth.get(`${f.file}|${rec}|${role}`);
      if (!entity) continue;
      if (s.dedupe) { const k = s.dedupe(r); if (seen.has(k)) continue; seen.add(k); }
      records.push({
        source: f.file.replace(/\.\w+$/, ""), id: `${rec}#${role}`,
        fields: { name: [s.name(r)].filter(Boolean), dob: [s.dob(r)].filter(Boolean), phone: [s.phone?.(r) ?? ""].filter(Boolean), city: [s.city?.(r) ?? ""].filter(Boolean) },
      });
      labels.push(entity);
    }
  }
  return { records, truth: labels };
}

export function evaluateResolution(dir: string, m: Manifest): ResolutionFigures {
  const { records, truth } = personRecords(dir, m);
  const t0 = Date.now();
  const res = resolve(records, { fields: [{ name: "name", kind: "full_name" }, { name: "dob", kind: "date" }, { name: "phone", kind: "phone" }, { name: "city", kind: "city" }] });
  const seconds = (Date.now() - t0) / 1000;
  const index = new Map(res.prepared.records.map((r, i) => [`${r.source}|${r.id}`, res.clusterOf[i] ?? ""]));
  const predicted = records.map((r) => index.get(`${r.source}|${r.id}`) ?? "");
  const pw = pairwiseScores(predicted, truth);
  const planted = truth.map((t, i) => [t, predicted[i] ?? ""] as const).filter(([t]) => t.startsWith("X-"));
  const inCase = new Set(planted.map(([, p]) => p));
  // Precision over every predicted pair that involves a cluster holding a planted record.
  const sub = truth.map((t, i) => [t, predicted[i] ?? ""] as const).filter(([, p]) => inCase.has(p));
  const ps = pairwiseScores(sub.map(([, p]) => p), sub.map(([t]) => t));
  const pr = pairwiseScores(planted.map(([, p]) => p), planted.map(([t]) => t));
  return {
    records: records.length, pairwise: { precision: pw.precision, recall: pw.recall, f1: pw.f1 }, bcubed: bcubedScores(predicted, truth),
    planted: { records: planted.length, recall: pr.recall, precision: ps.precision }, seconds,
  };
}

export interface FlowFigures {
  transactions: number;
  alerts: number;
  scores: PatternScore[];
  /** Planted instances found by an alert of their own pattern. */
  instancesFound: number;
  instances: number;
  /** Share of laundering transactions that are in at least one alert. */
  covered: number;
  seconds: number;
}

export function evaluateFlows(dir: string, m: Manifest): FlowFigures {
  const f = m.files.find((x) => x.dataset === "fiu");
  if (!f) throw new Error("no FIU file in the manifest");
  const b = new TxTableBuilder({ withIds: true, capacity: f.rows });
  for (const r of readRows(dir, f)) {
    b.add(v(r, "betaler.rekening"), v(r, "begunstigde.rekening"), Number(r["transactie.bedrag"]), Date.parse(`${v(r, "transactie.datum")}:00Z`) / 1000, v(r, "transactie.id"));
    b.setCountry(b.account(v(r, "betaler.rekening")), v(r, "betaler.land"));
    b.setCountry(b.account(v(r, "begunstigde.rekening")), v(r, "begunstigde.land"));
  }
  const t = b.build();
  const t0 = Date.now();
  const { alerts } = detectPatterns(t);
  const seconds = (Date.now() - t0) / 1000;
  const laundering = readTruth(dir, "laundering.csv");
  const instances = [...new Set(laundering.map((r) => v(r, "instance")))];
  const byTx = new Map(laundering.map((r) => [v(r, "transaction"), instances.indexOf(v(r, "instance"))]));
  const patternOf = instances.map((k) => laundering.find((r) => r["instance"] === k)?.["pattern"] ?? "");
  const instanceOf = new Int32Array(t.size).fill(-1);
  for (let i = 0; i < t.size; i++) instanceOf[i] = byTx.get(t.ids?.[i] ?? "") ?? -1;
  const scores = evaluateAlerts(alerts, instanceOf, patternOf);
  const inAlert = new Set<number>();
  for (const a of alerts) for (const i of a.txs) inAlert.add(i);
  let bad = 0;
  let hit = 0;
  for (let i = 0; i < t.size; i++) if ((instanceOf[i] ?? -1) >= 0) { bad++; if (inAlert.has(i)) hit++; }
  return {
    transactions: t.size, alerts: alerts.length, scores,
    instancesFound: scores.reduce((n, s) => n + s.found, 0), instances: instances.length, covered: bad ? hit / bad : 0, seconds,
  };
}
