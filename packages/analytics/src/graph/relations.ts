/**
 * Relationship edges: one per relationship entity of a FollowTheMoney interval schema with an
 * `edge` declaration (Directorship director → organization, Ownership owner → asset, Family,
 * Associate, Membership, Employment, Representation, UnknownLink subject — object, …). Other
 * interval entities that reference two or more entities without declaring an edge (a Seizure
 * naming a suspect and a shipment) link those entities pairwise as UnknownLink.
 */
import type { FtmEntity } from "@vizier/model";
import type { NetworkBuilder } from "./builder";
import { extent, relationInWindow } from "./time";
import { EDGE_TYPES, type EdgeType } from "./types";

/** Schemata handled as aggregated events elsewhere, not as one edge per entity. */
const EVENTS = new Set(["Payment", "Communication", "Call", "Shipment"]);
const TYPES: ReadonlySet<string> = new Set(EDGE_TYPES);

/** Adds the relationship edge(s) of `e` when its schema declares an edge. */
export function addRelation(b: NetworkBuilder, e: FtmEntity): void {
  const schema = b.model.getSchema(e.schema);
  const spec = schema.edge;
  if (!spec && schema.isA("Interval")) return addGenericLink(b, e);
  if (!spec || EVENTS.has(e.schema) || !TYPES.has(e.schema)) return;
  const type = e.schema as EdgeType;
  if (!b.wants(type)) return;
  const { start, end } = extent(b.model, e);
  if (!relationInWindow(b.opts, start, end)) return;
  const sRange = schema.properties.get(spec.source)?.range ?? "Thing";
  const tRange = schema.properties.get(spec.target)?.range ?? "Thing";
  for (const s of e.properties[spec.source] ?? []) {
    for (const t of e.properties[spec.target] ?? []) {
      b.add({ source: s, target: t, type, directed: spec.directed ?? true, evidence: e.id, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) }, sRange, tRange);
    }
  }
}

/** Entity-reference properties that point at evidence, not at a party. */
const NOT_PARTIES = new Set(["proof"]);

/** An interval entity without an edge declaration: every two entities it references, as UnknownLink. */
function addGenericLink(b: NetworkBuilder, e: FtmEntity): void {
  if (!b.wants("UnknownLink")) return;
  const schema = b.model.getSchema(e.schema);
  const { start, end } = extent(b.model, e);
  if (!relationInWindow(b.opts, start, end)) return;
  const refs = new Map<string, string>();
  for (const [name, prop] of schema.properties) {
    if (prop.type !== "entity" || prop.stub || NOT_PARTIES.has(name)) continue;
    for (const v of e.properties[name] ?? []) if (!refs.has(v)) refs.set(v, prop.range ?? "Thing");
  }
  const ids = [...refs.keys()].sort();
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      b.add({ source: ids[i]!, target: ids[j]!, type: "UnknownLink", directed: false, evidence: e.id, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) }, refs.get(ids[i]!), refs.get(ids[j]!));
    }
  }
}
