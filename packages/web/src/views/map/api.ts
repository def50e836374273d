/** The map's reads: the entities in view, their addresses, and the shipments and crossings of their timeline. */
import { unwrap, type VizierClient } from "@vizier/client";
import { addressIds, type EntityLike } from "./model";

const PLACED = new Set(["Shipment", "BorderCrossing", "Seizure"]);

async function entities(api: VizierClient, ids: readonly string[]): Promise<EntityLike[]> {
  const out: EntityLike[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const r = await unwrap(await api.api.entities.$get({ query: { ids: ids.slice(i, i + 100).join(",") } }));
    out.push(...r.items);
  }
  return out;
}

export async function loadMapData(api: VizierClient, ids: readonly string[]): Promise<{ items: EntityLike[]; hidden: number }> {
  const [seeds, line] = await Promise.all([
    entities(api, ids),
    unwrap(await api.api.timeline.$get({ query: { ids: ids.slice(0, 20).join(","), limit: "300" } })),
  ]);
  const have = new Set(seeds.map((e) => e.entity.id));
  const more = [...new Set([...addressIds(seeds), ...line.items.filter((i) => PLACED.has(i.schema)).map((i) => i.id)])].filter((id) => !have.has(id)).slice(0, 300);
  const rest = more.length > 0 ? await entities(api, more) : [];
  return { items: [...seeds, ...rest], hidden: line.hidden };
}
