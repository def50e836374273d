import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { VizierError } from "@vizier/model";
import type { EntitySpec, MappingSpec, PropertyMappingSpec, QuerySpec } from "./types";

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const scalarList = z.union([z.array(scalar), scalar]).transform((v) => (Array.isArray(v) ? v : [v]));

// Column names may look like numbers in YAML (`column: 2021`); they are names all the same.
const propertySchema = z.strictObject({
  column: scalar.optional(),
  columns: z.array(scalar).optional(),
  literal: scalar.optional(),
  literals: z.array(scalar).optional(),
  entity: z.string().optional(),
  join: z.string().optional(),
  split: z.string().optional(),
  format: z.string().optional(),
  template: z.string().optional(),
  required: z.boolean().optional(),
  fuzzy: z.boolean().optional(), // FtM accepts it for countries; nothing to do here
}).refine((p) => p.column !== undefined || p.columns !== undefined || p.literal !== undefined || p.literals !== undefined
  || p.entity !== undefined || p.template !== undefined, { message: "needs one of column, columns, literal, literals, entity, template" })
  .refine((p) => p.entity === undefined || (p.column === undefined && p.columns === undefined && p.literal === undefined
    && p.literals === undefined && p.template === undefined), { message: "entity cannot be combined with column(s), literal(s) or template" });

const entitySchema = z.strictObject({
  schema: z.string().min(1),
  key: scalarList.optional(),
  keys: scalarList.optional(),
  key_literal: scalar.optional(),
  id_column: scalar.optional(),
  properties: z.record(z.string(), propertySchema).optional(),
}).refine((e) => (e.key?.length ?? 0) + (e.keys?.length ?? 0) > 0 || e.id_column !== undefined, {
  message: "needs keys (or id_column) to make entity ids",
});

const filterSchema = z.record(z.string(), scalarList);

const querySchema = z.strictObject({
  csv_url: z.string().optional(),
  csv_urls: z.array(z.string()).optional(),
  source_url: z.string().optional(),
  database: z.string().optional(),
  table: z.string().optional(),
  tables: z.array(z.unknown()).optional(),
  filters: filterSchema.optional(),
  filters_not: filterSchema.optional(),
  entities: z.record(z.string(), entitySchema).refine((e) => Object.keys(e).length > 0, { message: "a query needs at least one entity" }),
});

/** Dataset level: FtM allows metadata (label, info_url, …) beside the queries; those are ignored. */
const datasetSchema = z.looseObject({
  queries: z.array(querySchema).optional(),
  query: querySchema.optional(),
}).refine((d) => d.queries !== undefined || d.query !== undefined, { message: "needs queries: or query:" });

type RawDataset = z.infer<typeof datasetSchema>;
type RawQuery = z.infer<typeof querySchema>;

/**
 * Parses an FtM/Aleph mapping file: top-level dataset key(s) holding `queries:`/`query:`, or a
 * bare `queries:`/`query:`. Every error is INVALID_MAPPING naming the file, the line and the
 * path to the bad key (`companies.queries[0].entities.person.properties.nme`).
 */
export function parseMapping(yamlText: string, file: string): MappingSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0].line;
    throw new VizierError("INVALID_MAPPING", `${file}${line ? `:${line}` : ""}: invalid YAML: ${e.message.split("\n")[0]}`, { location: { file } });
  }
  const root: unknown = doc.toJS();
  if (root === null || typeof root !== "object" || Array.isArray(root)) {
    throw new VizierError("INVALID_MAPPING", `${file}: a mapping must be a YAML object with queries (or dataset keys holding queries)`, { location: { file } });
  }
  const bare = "queries" in root || "query" in root;
  const datasets: [string[], unknown][] = bare ? [[[], root]] : Object.entries(root).map(([k, v]) => [[k], v]);
  const queries: QuerySpec[] = [];
  for (const [prefix, body] of datasets) {
    const r = datasetSchema.safeParse(body);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
      const at = keys.length > 0 ? [...path, keys[0]!] : path;
      const line = lineOf(doc, lineCounter, at);
      const what = keys.length > 0 ? `unknown key${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}` : issue.message;
      throw new VizierError("INVALID_MAPPING", `${file}${line ? `:${line}` : ""}: ${formatPath(path) || "(top level)"}: ${what}`, {
        location: { file }, details: { path: formatPath(at) },
      });
    }
    const d: RawDataset = r.data;
    const list = d.queries ?? [];
    if (d.query) list.unshift(d.query);
    list.forEach((q, i) => queries.push(toQuery(q, formatPath([...prefix, d.queries ? "queries" : "query", ...(d.queries ? [i] : [])]))));
  }
  if (queries.length === 0) throw new VizierError("INVALID_MAPPING", `${file}: no queries found`, { location: { file } });
  return { file, queries };
}

function toQuery(q: RawQuery, path: string): QuerySpec {
  const entities: EntitySpec[] = Object.entries(q.entities).map(([name, e]) => {
    const spec: EntitySpec = {
      name, schema: e.schema, keys: [...(e.key ?? []), ...(e.keys ?? [])],
      properties: Object.entries(e.properties ?? {}).map(([p, m]) => [p, stripUndefined(m)]),
    };
    if (e.key_literal !== undefined) spec.keyLiteral = e.key_literal;
    if (e.id_column !== undefined) spec.idColumn = e.id_column;
    return spec;
  });
  return {
    path,
    filters: Object.entries(q.filters ?? {}),
    filtersNot: Object.entries(q.filters_not ?? {}),
    entities,
  };
}

function stripUndefined(m: z.infer<typeof propertySchema>): PropertyMappingSpec {
  const out: PropertyMappingSpec = {};
  for (const [k, v] of Object.entries(m)) if (v !== undefined && k !== "fuzzy") (out as Record<string, unknown>)[k] = v;
  return out;
}

/** `a.b[0].c` from a key path. */
export function formatPath(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? p : `.${p}`;
  return s;
}

function lineOf(doc: ReturnType<typeof parseDocument>, lc: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lc.linePos(range[0]).line;
  }
  return undefined;
}
