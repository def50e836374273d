/**
 * Resolved entities in analytics: when the viewer's view has a resolution run (`vizier resolve`,
 * @vizier/resolve), the source records of one person or company are merged into one node, and
 * references to them (a director, a payer, an account's owner) follow. Memberships are looked up
 * under the viewer's own view (the same access scope the entities were read with), so a merge
 * never rests on data the viewer may not read.
 */
import { commonSchema, type FtmEntity, type Registry } from "@vizier/model";
import type { AccessScope, StorePort } from "@vizier/core";
import { resolutionOf, viewOf } from "@vizier/resolve";

export interface Resolution {
  /** Entity id → resolved id, for entities that belong to a resolved entity of this view. */
  resolvedOf: Map<string, string>;
  /** The view key, and whether it has any membership at all (no run yet → nothing merged). */
  view: string;
  /** Number of source entities that were merged into another node. */
  merged: number;
}

/** The resolved ids of the given entities under the scope's view. */
export async function resolvedIds(store: StorePort, scope: AccessScope, ids: readonly string[]): Promise<{ view: string; resolvedOf: Map<string, string> }> {
  const view = viewOf(scope);
  const members = ids.length === 0 ? [] : await resolutionOf(store).memberships(view.key, { entityIds: ids });
  return { view: view.key, resolvedOf: new Map(members.map((m) => [m.entityId, m.resolvedId])) };
}

/**
 * Renames entities and their entity references to resolved ids and merges entities that end up
 * with the same id (properties and datasets united, the most specific common schema). Pure.
 */
export function mergeResolved(model: Registry, entities: readonly FtmEntity[], resolvedOf: ReadonlyMap<string, string>): { entities: FtmEntity[]; merged: number } {
  const rename = (id: string): string => resolvedOf.get(id) ?? id;
  const byId = new Map<string, { schemata: Set<string>; props: Map<string, Set<string>>; datasets: Set<string> }>();
  for (const e of [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const id = rename(e.id);
    let m = byId.get(id);
    if (!m) byId.set(id, (m = { schemata: new Set(), props: new Map(), datasets: new Set() }));
    m.schemata.add(e.schema);
    for (const d of e.datasets ?? []) m.datasets.add(d);
    const schema = model.hasSchema(e.schema) ? model.getSchema(e.schema) : undefined;
    for (const [prop, values] of Object.entries(e.properties)) {
      const isRef = schema?.properties.get(prop)?.type === "entity";
      let set = m.props.get(prop);
      if (!set) m.props.set(prop, (set = new Set()));
      for (const v of values) set.add(isRef ? rename(v) : v);
    }
  }
  const out: FtmEntity[] = [];
  for (const [id, m] of byId) {
    const properties: Record<string, string[]> = {};
    for (const [k, v] of [...m.props].sort(([a], [b]) => (a < b ? -1 : 1))) properties[k] = [...v].sort();
    out.push({ id, schema: commonSchema(model, [...m.schemata].sort()), properties, datasets: [...m.datasets].sort() });
  }
  return { entities: out, merged: entities.length - out.length };
}

/** Looks up the viewer's resolved ids for the loaded persons and companies and merges them. */
export async function applyResolution(model: Registry, store: StorePort, scope: AccessScope, entities: readonly FtmEntity[]): Promise<{ entities: FtmEntity[]; resolution: Resolution }> {
  const parties = entities.filter((e) => model.hasSchema(e.schema) && model.getSchema(e.schema).isA("LegalEntity")).map((e) => e.id);
  const { view, resolvedOf } = await resolvedIds(store, scope, parties);
  const { entities: merged, merged: n } = mergeResolved(model, entities, resolvedOf);
  return { entities: merged, resolution: { resolvedOf, view, merged: n } };
}
