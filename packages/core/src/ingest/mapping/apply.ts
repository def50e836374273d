import { makeEntityId, type Registry } from "@vizier/model";
import type { SourceRow } from "../readers/types";
import type { CompiledEntity, CompiledMapping, CompiledProp, CompiledQuery, MappedEntity, MappedValue, MappingResult, RowProblem } from "./types";

/**
 * Maps one source row to entities. Every problem of the row is reported (the pipeline
 * quarantines the whole row when there is any); rows the mapping's filters exclude come back
 * with `filtered: true` and nothing else.
 */
export function applyMapping(m: CompiledMapping, row: SourceRow, dataset: string, _model: Registry): MappingResult {
  const entities: MappedEntity[] = [];
  const problems: RowProblem[] = [];
  let filtered = true;
  for (const q of m.queries) {
    if (!passes(q, row.values)) continue;
    filtered = false;
    applyQuery(q, row.values, dataset, entities, problems);
  }
  return { entities, problems, filtered };
}

function passes(q: CompiledQuery, values: Record<string, string>): boolean {
  for (const f of q.filters) if (!f.values.has((values[f.column] ?? "").trim())) return false;
  for (const f of q.filtersNot) if (f.values.has((values[f.column] ?? "").trim())) return false;
  return true;
}

const OPTIONAL_HINT = "; if the entity is optional, mark one of its properties required: true";

/** Why an entity of this row has no id: undefined while it has one. */
type Skip = "missing key" | "required property empty" | undefined;

function applyQuery(q: CompiledQuery, values: Record<string, string>, dataset: string,
  out: MappedEntity[], problems: RowProblem[]): void {
  // Ids and skips are only read by links to other entities of the query; a one-entity query
  // (the usual table of persons or companies) needs neither array.
  const n = q.entities.length;
  const ids = n > 1 ? new Array<string | undefined>(n) : undefined;
  const skips = n > 1 ? new Array<Skip>(n) : undefined;
  for (let i = 0; i < n; i++) {
    const e = q.entities[i]!;
    // This entity's value problems go straight into `problems`, from `mine` on; they are taken
    // back when the entity is skipped, and follow its missing-key problem when it has no id.
    const mine = problems.length;
    const vals: MappedValue[] = [];
    let skip: Skip;
    for (const p of e.props) {
      const before = vals.length;
      const problemsBefore = problems.length;
      if (p.ref >= 0) {
        const id = ids![p.ref];
        if (id !== undefined) vals.push({ prop: p.prop, propType: p.propType, value: id, original: id });
        // An entity the mapping itself made optional (`required`) just leaves the link empty;
        // one lost to a missing key is a problem, since the row meant to link it.
        else if (!p.required && skips![p.ref] === "missing key") problems.push({ reason: `${e.name}.${p.prop} links to "${p.refName}", which was skipped (${skips![p.ref] ?? "no id"})` });
      } else if (p.column !== undefined) {
        emitOne(p, values[p.column] ?? "", p.column, vals, problems);
      } else {
        mapValues(p, values, vals, problems);
      }
      // Only an empty input skips; a value that fails to clean is still reported.
      if (p.required && vals.length === before && problems.length === problemsBefore) { skip = "required property empty"; break; }
    }
    if (skip === undefined) {
      const id = entityId(e, values, dataset);
      if (id === undefined) {
        skip = "missing key";
        const cols = e.idColumn ?? e.keys.join(",");
        problems.splice(mine, 0, { column: cols, reason: `missing key for entity "${e.name}" (${cols} empty)${e.props.some((p) => p.required) ? "" : OPTIONAL_HINT}` });
      } else {
        if (ids) ids[i] = id;
        out.push({ id, schema: e.schema, values: vals });
      }
    } else {
      problems.length = mine;
    }
    if (skips) skips[i] = skip;
  }
}

function entityId(e: CompiledEntity, values: Record<string, string>, dataset: string): string | undefined {
  if (e.idColumn !== undefined) {
    const v = (values[e.idColumn] ?? "").trim();
    return v === "" ? undefined : e.idMemo.get(dataset + "\u001f" + v, () => makeEntityId(dataset, [v]));
  }
  const parts: string[] = [];
  let any = false;
  for (const k of e.keys) {
    const v = (values[k] ?? "").trim();
    if (v !== "") any = true;
    parts.push(v);
  }
  if (!any) return undefined;
  if (e.keyLiteral !== undefined) parts.push(e.keyLiteral);
  // The memo key includes the dataset: one compiled mapping may serve several datasets.
  if (!e.idMemo.active) return makeEntityId(dataset, parts);
  return e.idMemo.get(dataset + "\u001f" + parts.join("\u001f"), () => makeEntityId(dataset, parts));
}

/** Literal, column, joined or templated values, split when asked, each cleaned for the property's type. */
function mapValues(p: CompiledProp, values: Record<string, string>, out: MappedValue[], problems: RowProblem[]): void {
  for (const l of p.literals) out.push({ prop: p.prop, propType: p.propType, value: l.value, original: l.original });
  if (p.template) {
    const t = p.template;
    let s = t.text[0]!;
    let any = false;
    for (let k = 0; k < t.cols.length; k++) {
      const v = (values[t.cols[k]!] ?? "").trim();
      if (v !== "") any = true;
      s += v + t.text[k + 1]!;
    }
    if (any) emit(p, s, p.label, out, problems);
  }
  if (p.columns.length === 0) return;
  if (p.join !== undefined) {
    let s = "";
    for (const col of p.columns) {
      const v = (values[col] ?? "").trim();
      if (v !== "") s = s === "" ? v : s + p.join + v;
    }
    emit(p, s, p.label, out, problems);
    return;
  }
  for (const col of p.columns) emit(p, values[col] ?? "", col, out, problems);
}

function emit(p: CompiledProp, raw: string, column: string, out: MappedValue[], problems: RowProblem[]): void {
  if (p.split !== undefined && raw.includes(p.split)) {
    for (const part of raw.split(p.split)) emitOne(p, part, column, out, problems);
  } else {
    emitOne(p, raw, column, out, problems);
  }
}

function emitOne(p: CompiledProp, raw: string, column: string, out: MappedValue[], problems: RowProblem[]): void {
  const original = raw.trim();
  if (original === "") return;
  const r = p.memo.get(original, p.cleaner);
  if (r.ok) out.push({ prop: p.prop, propType: p.propType, value: r.value, original });
  else problems.push({ column, reason: `${p.prop}: ${r.reason}` });
}
