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
  for (const s of statements) {
    let e = byId.get(s.entityId);
    if (!e) {
      e = { schemata: new Set(), props: new Map(), datasets: new Set(), first: s.firstSeen, last: s.lastSeen };
      byId.set(s.entityId, e);
    }
    e.schemata.add(s.schema);
    e.datasets.add(s.dataset);
    if (s.firstSeen < e.first) e.first = s.firstSeen;
    if (s.lastSeen > e.last) e.last = s.lastSeen;
    if (s.prop === ID_PROP) continue;
    let vals = e.props.get(s.prop);
    if (!vals) e.props.set(s.prop, (vals = new Set()));
    vals.add(s.value);
  }
  return finishEntities(model, byId);
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
