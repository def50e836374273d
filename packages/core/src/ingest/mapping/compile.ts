import { cleanValue, isVizierError, VizierError, type Registry, type Schema } from "@vizier/model";
import { Memo } from "./memo";
import type { CompiledEntity, CompiledMapping, CompiledProp, CompiledQuery, EntitySpec, MappingSpec, PropertyMappingSpec, QuerySpec } from "./types";

/**
 * Resolves a parsed mapping against the model and the columns of the file being ingested, once,
 * so that applying it per row does no lookups, parsing or validation of the mapping itself.
 * `multiValued`: columns holding several values one per line (JSON arrays, joined by the reader);
 * a property mapped from one of them without `split` or `join` takes each line as a value.
 */
export function compileMapping(spec: MappingSpec, model: Registry, columns: string[], file: string, multiValued: ReadonlySet<string> = new Set()): CompiledMapping {
  const have = new Set(columns);
  const used = new Set<string>();
  const countries = model.countries;
  const needColumn = (col: string, where: string) => {
    if (!have.has(col)) {
      throw new VizierError("INVALID_MAPPING", `${file}: ${where}: column "${col}" is not in the input${nearColumn(col, columns)}; it has: ${columns.map((c) => `"${c}"`).join(", ")}${headerHint(columns)}`, {
        location: { file, column: col }, details: { column: col, columns },
      });
    }
    used.add(col);
  };
  const queries = spec.queries.map((q) => compileQuery(q, model, file, needColumn, countries, multiValued));
  return { file, queries, columnsUsed: [...used], countries };
}

type NeedColumn = (col: string, where: string) => void;

/** The input's column a mapping most likely meant: the same name in another case or spacing. */
function nearColumn(col: string, columns: readonly string[]): string {
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
  const near = columns.filter((c) => key(c) === key(col));
  return near.length ? ` (did you mean ${near.map((c) => `"${c}"`).join(" or ")}?)` : "";
}

/** A header of numbers or dates is most likely the first data row of a file without a header. */
function headerHint(columns: readonly string[]): string {
  return columns.some((c) => /^[+-]?\d[\d.,:/ -]*$/.test(c))
    ? " (if the file has no header row, name its columns with --columns, e.g. --columns a,b,c)"
    : "";
}

function compileQuery(q: QuerySpec, model: Registry, file: string, needColumn: NeedColumn, countries: Record<string, string>, multiValued: ReadonlySet<string>): CompiledQuery {
  const filter = (list: [string, string[]][], key: string) => list.map(([column, values]) => {
    needColumn(column, `${q.path}.${key}`);
    return { column, values: new Set(values.map((v) => v.trim())) };
  });
  const ordered = orderEntities(q, file);
  const index = new Map(ordered.map((e, i) => [e.name, i]));
  const schemas = new Map<string, Schema>();
  for (const e of ordered) schemas.set(e.name, schemaFor(model, e, `${q.path}.entities.${e.name}`, file));
  const entities = ordered.map((e) => {
    const where = `${q.path}.entities.${e.name}`;
    const schema = schemas.get(e.name)!;
    for (const k of e.keys) needColumn(k, `${where}.keys`);
    if (e.idColumn !== undefined) needColumn(e.idColumn, `${where}.id_column`);
    const props = e.properties.map(([name, m]) => compileProp(name, m, schema, `${where}.properties.${name}`, {
      file, needColumn, countries, index, schemas, multiValued,
    }));
    const compiled: CompiledEntity = { name: e.name, schema: e.schema, keys: e.keys, keyLiteral: e.keyLiteral, idColumn: e.idColumn, props, idMemo: new Memo<string>() };
    return compiled;
  });
  checkDistinctIds(q, file);
  return { path: q.path, filters: filter(q.filters, "filters"), filtersNot: filter(q.filtersNot, "filters_not"), entities };
}

function schemaFor(model: Registry, e: EntitySpec, where: string, file: string): Schema {
  let schema: Schema;
  try {
    schema = model.getSchema(e.schema);
  } catch (err) {
    if (isVizierError(err)) throw new VizierError(err.code, `${file}: ${where}: ${err.message}`, { location: { file }, cause: err });
    throw err;
  }
  if (schema.abstract) throw new VizierError("INVALID_MAPPING", `${file}: ${where}: schema ${e.schema} is abstract; use a concrete schema`, { location: { file } });
  return schema;
}

interface PropCtx {
  file: string;
  needColumn: NeedColumn;
  countries: Record<string, string>;
  index: Map<string, number>;
  schemas: Map<string, Schema>;
  multiValued: ReadonlySet<string>;
}

function compileProp(name: string, m: PropertyMappingSpec, schema: Schema, where: string, c: PropCtx): CompiledProp {
  const bad = (msg: string) => new VizierError("INVALID_MAPPING", `${c.file}: ${where}: ${msg}`, { location: { file: c.file } });
  let prop;
  try {
    prop = schema.getProperty(name);
  } catch (err) {
    if (isVizierError(err)) throw new VizierError(err.code, `${c.file}: ${where}: ${err.message}`, { location: { file: c.file }, cause: err });
    throw err;
  }
  if (prop.stub) throw bad(`${schema.name}:${name} is a reverse property; map the link from the other entity`);
  const columns = [...(m.column !== undefined ? [m.column] : []), ...(m.columns ?? [])];
  for (const col of columns) c.needColumn(col, where);
  let ref = -1;
  if (m.entity !== undefined) {
    if (prop.type !== "entity") throw bad(`${schema.name}:${name} is a ${prop.type} property, not a link to an entity`);
    const i = c.index.get(m.entity);
    if (i === undefined) throw bad(`entity "${m.entity}" is not defined in this query`);
    const target = c.schemas.get(m.entity)!;
    if (prop.range && !target.isA(prop.range)) throw bad(`${schema.name}:${name} must point at a ${prop.range}, but "${m.entity}" is a ${target.name}`);
    ref = i;
  } else if (prop.type === "entity") {
    throw bad(`${schema.name}:${name} links to another entity; map it with "entity: <name of an entity in this query>"`);
  }
  const clean = { type: prop.type, format: prop.format };
  const literals = [...(m.literal !== undefined ? [m.literal] : []), ...(m.literals ?? [])].map((lit) => {
    const r = cleanValue(clean, lit, { format: m.format, countries: c.countries });
    if (!r.ok) throw bad(`literal "${lit}": ${r.reason}`);
    return { value: r.value, original: lit };
  });
  const template = m.template !== undefined ? parseTemplate(m.template, where, c) : undefined;
  const cleanOpts = { format: m.format, countries: c.countries };
  const split = m.split === "" ? undefined : m.split ?? (m.join === undefined && columns.some((col) => c.multiValued.has(col)) ? "\n" : undefined);
  const single = columns.length === 1 && literals.length === 0 && template === undefined && m.join === undefined && split === undefined;
  return {
    prop: name, propType: prop.type, clean, columns, column: single ? columns[0] : undefined, literals, ref, refName: m.entity ?? "",
    join: m.join, split, format: m.format, template,
    required: m.required ?? false, memo: new Memo(), cleaner: (raw: string) => cleanValue(clean, raw, cleanOpts),
    label: [...columns, ...(template?.cols ?? [])].join(",") || m.entity || "",
  };
}

/** `{{ column }}` placeholders as FtM templates write them. */
function parseTemplate(t: string, where: string, c: PropCtx): { text: string[]; cols: string[] } {
  const text: string[] = [];
  const cols: string[] = [];
  const re = /\{\{\s*([^}]+?)\s*\}\}/g;
  let last = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    text.push(t.slice(last, m.index));
    cols.push(m[1]!);
    c.needColumn(m[1]!, `${where}.template`);
    last = m.index + m[0].length;
  }
  text.push(t.slice(last));
  return { text, cols };
}

/** Topological order so a referenced entity's id exists before a reference to it; cycles are errors. */
function orderEntities(q: QuerySpec, file: string): EntitySpec[] {
  const byName = new Map(q.entities.map((e) => [e.name, e]));
  const out: EntitySpec[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (e: EntitySpec, stack: string[]) => {
    const s = state.get(e.name);
    if (s === 2) return;
    if (s === 1) throw new VizierError("INVALID_MAPPING", `${file}: ${q.path}: entities reference each other in a cycle: ${[...stack, e.name].join(" → ")}`, { location: { file } });
    state.set(e.name, 1);
    for (const [, m] of e.properties) {
      const t = m.entity !== undefined ? byName.get(m.entity) : undefined;
      if (t) visit(t, [...stack, e.name]);
    }
    state.set(e.name, 2);
    out.push(e);
  };
  for (const e of q.entities) visit(e, []);
  return out;
}

/** Two entities of one query with the same keys and key_literal would get the same id. */
function checkDistinctIds(q: QuerySpec, file: string): void {
  const seen = new Map<string, string>();
  for (const e of q.entities) {
    const sig = JSON.stringify([e.idColumn ?? null, e.keys, e.keyLiteral ?? null]);
    const other = seen.get(sig);
    if (other !== undefined) {
      throw new VizierError("INVALID_MAPPING", `${file}: ${q.path}.entities: "${other}" and "${e.name}" have the same keys and would get the same id; give one a key_literal`, { location: { file } });
    }
    seen.set(sig, e.name);
  }
}
