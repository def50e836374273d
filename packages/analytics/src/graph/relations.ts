/**
 * Relationship edges: one per relationship entity of a FollowTheMoney interval schema with an
 * `edge` declaration (Directorship director → organization, Ownership owner → asset, Family,
 * Associate, Membership, Employment, Representation, UnknownLink subject — object, …).
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
