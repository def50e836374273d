/**
 * The file-based part of `vizier link`: CSV files in, clusters/pairs CSV out. Kept apart from the
 * commander wiring so benchmarks and tests drive exactly the code the command runs.
 */
import { basename, extname } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { VizierError } from "@vizier/model";
import { isFieldKind, parseModel, resolve, resolveParallel, FIELD_KINDS } from "@vizier/resolution";
import type { ErModel, ErRecord, FieldSpec, Judgement, Resolution, ResolveOptions } from "@vizier/resolution";
import { columnIndex, readTable, writeCsv } from "../../io/table";

export interface LinkOptions {
  files: string[];
  id: string;
  fields: string[];
  source?: string;
  out: string;
  pairs?: string;
  threshold?: number;
  modelIn?: string;
  modelOut?: string;
  judgements?: string;
}

/** Parses `column=kind` flags. */
export function parseFieldFlags(flags: readonly string[]): FieldSpec[] {
  if (flags.length === 0) throw new VizierError("INVALID_ARGUMENT", "at least one --field <column>=<kind> is required");
  return flags.map((f) => {
    const eq = f.lastIndexOf("=");
    const name = eq > 0 ? f.slice(0, eq).trim() : "";
    const kind = eq > 0 ? f.slice(eq + 1).trim() : "";
    if (!name || !isFieldKind(kind)) {
      throw new VizierError("INVALID_ARGUMENT", `--field "${f}" must be <column>=<kind> with kind one of: ${FIELD_KINDS.join(", ")}`);
    }
    return { name, kind };
  });
}

/** Reads the input files into records; the source is the file's base name or the --source column. */
export function readRecords(files: readonly string[], id: string, fields: readonly FieldSpec[], sourceColumn?: string): ErRecord[] {
  if (files.length === 0) throw new VizierError("INVALID_ARGUMENT", "at least one input file is required");
  const out: ErRecord[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const table = readTable(file);
    const idCol = columnIndex(table, id, file);
    const srcCol = sourceColumn === undefined ? -1 : columnIndex(table, sourceColumn, file);
    const cols = fields.map((f) => columnIndex(table, f.name, file));
    const fileSource = basename(file, extname(file));
    table.rows.forEach((row, r) => {
      const rid = (row[idCol] ?? "").trim();
      const source = srcCol >= 0 ? (row[srcCol] ?? "").trim() : fileSource;
      if (rid.length === 0) throw new VizierError("INVALID_INPUT", `empty id in column "${id}"`, { location: { file, row: r + 2, column: id } });
      const key = `${source}\u0000${rid}`;
      if (seen.has(key)) throw new VizierError("INVALID_INPUT", `duplicate id "${rid}" in source "${source}"`, { location: { file, row: r + 2, column: id } });
      seen.add(key);
      const rec: ErRecord = { source, id: rid, fields: {} };
      fields.forEach((f, i) => {
        const v = (row[cols[i] ?? -1] ?? "").trim();
        rec.fields[f.name] = v.length > 0 ? [v] : [];
      });
      out.push(rec);
    });
  }
  return out;
}

const DECISIONS = new Set(["confirm", "reject", "unsure"]);

/** Reads a judgements CSV: source_l,id_l,source_r,id_r,decision,who,when,why. */
export function readJudgements(file: string): Judgement[] {
  const t = readTable(file);
  const need = ["source_l", "id_l", "source_r", "id_r", "decision", "who", "when", "why"].map((c) => columnIndex(t, c, file));
  return t.rows.map((row, r) => {
    const [sl, il, sr, ir, d, who, when, why] = need.map((i) => (row[i] ?? "").trim());
    if (!DECISIONS.has(d ?? "")) throw new VizierError("INVALID_INPUT", `decision must be confirm, reject or unsure, not "${d}"`, { location: { file, row: r + 2, column: "decision" } });
    return { left: { source: sl ?? "", id: il ?? "" }, right: { source: sr ?? "", id: ir ?? "" }, decision: d as Judgement["decision"], who: who ?? "", when: when ?? "", why: why ?? "" };
  });
}

function readModel(file: string): ErModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new VizierError("INVALID_INPUT", `cannot read model ${file}: ${(e as Error).message}`, { location: { file }, cause: e });
  }
  return parseModel(json);
}

/** Runs the whole link: read, resolve, write; returns the resolution for callers that want more. */
export function runLink(o: LinkOptions): Resolution {
  const inp = linkInputs(o);
  const res = resolve(inp.records, inp.options);
  writeLinkOutputs(o, res);
  return res;
}

/** `runLink` with the comparison pass over worker threads where the entry enabled them. */
export async function runLinkParallel(o: LinkOptions, threads?: number): Promise<Resolution> {
  const inp = linkInputs(o);
  const res = await resolveParallel(inp.records, { ...inp.options, ...(threads === undefined ? {} : { threads }) });
  writeLinkOutputs(o, res);
  return res;
}

/** Validates the options and reads the records, model and judgements. */
function linkInputs(o: LinkOptions): { records: ErRecord[]; options: ResolveOptions } {
  const fields = parseFieldFlags(o.fields);
  if (o.threshold !== undefined && !(o.threshold > 0 && o.threshold < 1)) {
    throw new VizierError("INVALID_ARGUMENT", `--threshold must be a probability strictly between 0 and 1, not ${o.threshold}`);
  }
  const records = readRecords(o.files, o.id, fields, o.source);
  const model = o.modelIn === undefined ? undefined : readModel(o.modelIn);
  if (model) {
    const names = model.fields.map((f) => `${f.name}=${f.kind}`).join(",");
    if (names !== fields.map((f) => `${f.name}=${f.kind}`).join(",")) {
      throw new VizierError("INVALID_ARGUMENT", `the model was estimated on fields ${names}; pass the same --field flags`);
    }
  }
  const judgements = o.judgements === undefined ? [] : readJudgements(o.judgements);
  return { records, options: { fields, ...(o.threshold === undefined ? {} : { threshold: o.threshold }), ...(model ? { model } : {}), judgements } };
}

/** Writes clusters.csv, and pairs.csv and the model when asked. */
function writeLinkOutputs(o: LinkOptions, res: Resolution): void {
  const recs = res.prepared.records;
  writeCsv(o.out, ["source", "id", "cluster_id"], recs.map((r, i) => [r.source, r.id, res.clusterOf[i] ?? ""]));
  if (o.pairs !== undefined) {
    const rows = res.pairs
      .filter((p) => p.probability >= res.threshold)
      .sort((p, q) => q.matchWeight - p.matchWeight)
      .map((p) => {
        const a = recs[p.a];
        const b = recs[p.b];
        return [a?.source ?? "", a?.id ?? "", b?.source ?? "", b?.id ?? "", p.probability.toFixed(6), p.matchWeight.toFixed(4)];
      });
    writeCsv(o.pairs, ["source_l", "id_l", "source_r", "id_r", "probability", "match_weight"], rows);
  }
  if (o.modelOut !== undefined) writeFileSync(o.modelOut, JSON.stringify(res.model, null, 1) + "\n");
}
