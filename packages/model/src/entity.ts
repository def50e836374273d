import { VizierError } from "./errors";
import type { Registry } from "./registry";
import { ID_PROP, type Statement } from "./statement";

/** An entity in FollowTheMoney's JSON form: `{id, schema, properties: {prop: [values]}}`. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  referents?: string[];
  first_seen?: string;
  last_seen?: string;
  caption?: string;
}

/**
 * What an entity is made of before its schema is resolved: the schemata, values per property (the
 * `id` statement excluded), datasets and first/last seen of the statements that make it up.
 */
export interface EntityParts {
  schemata: Set<string>;
  props: Map<string, Set<string>>;
  datasets: Set<string>;
  first: string;
  last: string;
}

/**
 * Assembles entities from statements. A resolved entity may combine several schemata
 * (Person from one source, LegalEntity from another): the most specific common one wins.
 */
export function assembleEntities(model: Registry, statements: Iterable<Statement>): FtmEntity[] {
  const byId = new Map<string, EntityParts>();
  for (const s of statements) addPartValue(addParts(byId, s.entityId, s.schema, s.dataset, s.firstSeen, s.lastSeen), s.prop, s.value);
  return finishEntities(model, byId);
}

/**
 * An entity's parts in `byId`, made when missing, with what a statement or a block of statements
 * adds besides values: its schema and dataset, and first and last seen widened to include it.
 * The one rule assembleEntities and the stores' part scans share.
 */
export function addParts(byId: Map<string, EntityParts>, id: string, schema: string, dataset: string, firstSeen: string, lastSeen: string): EntityParts {
  let e = byId.get(id);
  if (!e) byId.set(id, (e = { schemata: new Set(), props: new Map(), datasets: new Set(), first: firstSeen, last: lastSeen }));
  e.schemata.add(schema);
  e.datasets.add(dataset);
  if (firstSeen < e.first) e.first = firstSeen;
  if (lastSeen > e.last) e.last = lastSeen;
  return e;
}

/** Adds a value to an entity's parts (the `id` pseudo-statement holds none). */
export function addPartValue(e: EntityParts, prop: string, value: string): void {
  if (prop === ID_PROP) return;
  let vals = e.props.get(prop);
  if (!vals) e.props.set(prop, (vals = new Set()));
  vals.add(value);
}

/**
 * Entities from their parts (in the map's order): properties and values sorted, the schema
 * resolved. A store that can collect the parts without building statements (store-sqlite's
 * readEntityParts) gives the same entities as assembleEntities over the statements.
 */
export function finishEntities(model: Registry, parts: ReadonlyMap<string, EntityParts>): FtmEntity[] {
  const out: FtmEntity[] = [];
  for (const [id, e] of parts) {
    const properties: Record<string, string[]> = {};
    for (const [k, v] of [...e.props].sort(([a], [b]) => a.localeCompare(b))) properties[k] = [...v].sort();
    out.push({
      id,
      schema: commonSchema(model, [...e.schemata]),
      properties,
      datasets: [...e.datasets].sort(),
      first_seen: e.first,
      last_seen: e.last,
    });
  }
  return out;
}

/** The most specific schema that all given schemata are compatible with. */
export function commonSchema(model: Registry, names: string[]): string {
  const [first, ...rest] = names;
  if (!first) throw new VizierError("INTERNAL", "entity without schema");
  let best = first;
  for (const n of rest) {
    if (n === best) continue;
    const a = model.getSchema(best);
    const b = model.getSchema(n);
    if (b.isA(best)) best = n;
    else if (!a.isA(n)) {
      // Incompatible branches (e.g. Person + Company): fall back to the deepest shared ancestor.
      const shared = [...a.schemata].filter((s) => b.isA(s));
      best = shared.sort((x, y) => model.getSchema(y).schemata.size - model.getSchema(x).schemata.size)[0] ?? "Thing";
    }
  }
  return best;
}

/** Entity caption for display: the first caption property with a value. */
export function entityCaption(model: Registry, e: FtmEntity): string {
  for (const p of model.getSchema(e.schema).caption) {
    const v = e.properties[p]?.[0];
    if (v) return v;
  }
  return e.id;
}
