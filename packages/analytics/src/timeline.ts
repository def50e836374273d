/**
 * The timeline of a set of entities (issue P7 "timeline", P8 item 6): dated events, payments,
 * shipments, communications and border crossings that involve them — directly, or through the
 * phones, accounts, vehicles and vessels they own — found with the store's reverse
 * references, read within the viewer's scope, and audited.
 */
import { assembleEntities, entityCaption, type FtmEntity } from "@vizier/model";
import { scopeFor, type AccessScope, type Ctx, type Services } from "@vizier/core";
import { cmp } from "./graph/builder";
import { extent } from "./graph/time";
import { auditLoad } from "./load";

/** Things that stand in for their owner in events: a call is made from a phone, a payment from an account. */
const PROXIES: ReadonlySet<string> = new Set(["Phone", "BankAccount", "CryptoWallet", "Vehicle", "Vessel", "Airplane"]);

export interface TimelineItem {
  id: string;
  schema: string;
  caption: string;
  start: string;
  end?: string;
  datasets: string[];
  /** The requested entities (or their phones, accounts…) this item refers to. */
  involves: string[];
}

export interface TimelineOptions {
  /** Keep items starting in [since, until) (ISO dates). */
  since?: string;
  until?: string;
  /** At most this many items (default 500, at most 10,000), earliest first. */
  limit?: number;
}

export async function timeline(ctx: Ctx, svc: Services, entityIds: readonly string[], opts: TimelineOptions = {}): Promise<{ items: TimelineItem[]; hidden: number; truncated: boolean }> {
  const limit = Math.min(Math.max(1, opts.limit ?? 500), 10_000);
  const scope = await scopeFor(ctx, svc);
  const seeds = [...new Set(entityIds)];
  const first = await svc.store.references(scope, seeds, 10 * limit);
  const firstEntities = await read(svc, first.references.map((r) => r.entityId), scope);
  // Proxies: a phone whose owner is a seed, or an account a seed owns (Ownership: owner → asset).
  const known = new Set(firstEntities.map((e) => e.id));
  const pointedAt = [...new Set(firstEntities.flatMap((e) => refsOf(svc, e)))].filter((id) => !known.has(id) && !seeds.includes(id));
  const proxies = [...firstEntities, ...await read(svc, pointedAt, scope)].filter((e) => PROXIES.has(e.schema)).map((e) => e.id);
  const second = proxies.length ? await svc.store.references(scope, proxies, 10 * limit) : { references: [], withheld: 0 };
  const secondEntities = await read(svc, second.references.map((r) => r.entityId).filter((id) => !known.has(id)), scope);
  const involved = new Set([...seeds, ...proxies]);
  const items: TimelineItem[] = [];
  for (const e of [...firstEntities, ...secondEntities]) {
    if (!svc.model.hasSchema(e.schema) || !svc.model.getSchema(e.schema).temporalExtent) continue;
    const { start, end } = extent(svc.model, e);
    if (start === undefined) continue;
    if ((opts.since !== undefined && start < opts.since) || (opts.until !== undefined && start >= opts.until)) continue;
    const involves = Object.values(e.properties).flat().filter((v) => involved.has(v));
    items.push({ id: e.id, schema: e.schema, caption: entityCaption(svc.model, e), start, ...(end !== undefined ? { end } : {}), datasets: e.datasets ?? [], involves: [...new Set(involves)].sort() });
  }
  items.sort((a, b) => cmp(a.start, b.start) || cmp(a.id, b.id));
  const shown = items.slice(0, limit);
  await auditLoad(ctx, svc, "view", `timeline ${seeds.join(",")}${opts.since ? ` since ${opts.since}` : ""}${opts.until ? ` until ${opts.until}` : ""}`, shown.map((i) => i.id));
  return { items: shown, hidden: first.withheld + second.withheld, truncated: items.length > limit };
}

/** Values of an entity's entity-typed properties. */
function refsOf(svc: Services, e: FtmEntity): string[] {
  if (!svc.model.hasSchema(e.schema)) return [];
  const schema = svc.model.getSchema(e.schema);
  return Object.entries(e.properties).flatMap(([p, vs]) => (schema.hasProperty(p) && schema.getProperty(p).type === "entity" ? vs : []));
}

async function read(svc: Services, ids: readonly string[], scope: AccessScope): Promise<FtmEntity[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return assembleEntities(svc.model, await svc.store.readStatements(scope, { entityIds: unique }));
}
