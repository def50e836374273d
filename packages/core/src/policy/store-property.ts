/**
 * Store-backed policy property (fast-check, fixed seed), run by each store adapter: for random
 * agencies, sharing rules, handling codes, compartments, datasets, statements and actors, no read
 * path (search, entity view, export through core/read/*) returns a statement the naive reference
 * denies, each path returns every statement it allows, and the withheld counts are exactly what it
 * denies; a search result is exactly the entity its allowed statements make. A second property adds random grants (approved requests in the store's own table) and
 * checks the same, so a grant opens exactly its entities of its dataset for its person and purpose.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleEntities, defaultModel, type Dataset, type FtmEntity, type Statement } from "@vizier/model";
import { linkAudit } from "../audit/chain";
import { makeCtx, type Actor } from "../context";
import type { AccessRequestPort } from "../ports/access-requests";
import type { StorePort } from "../ports/store";
import { viewEntities } from "../read/entities";
import { exportEntities } from "../read/export";
import { scopeFor } from "../read/scope";
import { searchEntities } from "../read/search";
import type { Services } from "../services";
import { testStatements } from "../testing/fixtures";
import { actorArb, datasetsArb, ENTITIES, grantsArb, holdingsArb, NOW, PURPOSES, sharingArb } from "./arbitraries";
import type { Grant } from "./grants";
import { referenceAllows } from "./reference";
import type { SharingConfig } from "./rules";

const WORDS = ["alpha", "bravo", "charlie", "delta"];

const worldArb = fc.record({ sharing: sharingArb, datasets: datasetsArb, actor: actorArb, purpose: fc.constantFrom(...PURPOSES) })
  .chain((w) => fc.record({ holdings: holdingsArb(w.datasets), grants: grantsArb(w.datasets) }).map((x) => ({ ...w, ...x })));
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function statementsOf(w: World): Statement[] {
  const out: Statement[] = [];
  for (const h of w.holdings) {
    const ds = w.datasets.find((d) => d.name === h.dataset)!;
    const names = WORDS.slice(0, h.names).map((word) => `${word} ${h.entityId}`);
    out.push(...testStatements(ds, h.entityId, "Person", { name: names }, { handling: h.handling, runId: "r1" }));
  }
  return out;
}

async function load(store: StorePort, datasets: readonly Dataset[], statements: readonly Statement[]): Promise<void> {
  for (const d of datasets) await store.putDataset(d);
  const run = { id: "r1", dataset: datasets[0]!.name, file: "t.csv", mapping: "m.yml", actor: "system:test", startedAt: NOW.toISOString() };
  const w = await store.beginWrite(run);
  await w.writeStatements(statements);
  await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
}

/** Every statement (id set) each read path returns, plus the withheld counts per (entity, dataset, handling). */
async function observe(svc: Services, actor: Actor, purpose: string, searchFor: readonly string[]) {
  const ctx = makeCtx(actor, purpose, () => NOW);
  const exported = new Set<string>();
  for await (const e of exportEntities(ctx, svc, {})) for (const s of e.statements) exported.add(s.id);
  const viewed = new Set<string>();
  for (const v of await viewEntities(ctx, svc, ENTITIES)) for (const s of v.statements) viewed.add(s.id);
  const found = new Map<string, Set<string>>();
  const entities = new Map<string, FtmEntity>();
  for (const word of searchFor) {
    const results = await searchEntities(ctx, svc, { text: word, limit: 200 });
    found.set(word, new Set(results.map((r) => r.entity.id)));
    for (const r of results) entities.set(r.entity.id, r.entity);
  }
  const withheld = new Map<string, number>();
  for (const w of await svc.store.countWithheld(await scopeFor(ctx, svc), ENTITIES)) withheld.set(`${w.entityId}/${w.dataset}/${w.handling}`, w.count);
  return { exported, viewed, found, withheld, entities };
}

function expected(w: World, statements: readonly Statement[], grants: readonly Grant[]) {
  const allowed = statements.filter((s) => referenceAllows(w.sharing, w.datasets, grants, w.actor, w.purpose, NOW, s));
  const denied = statements.filter((s) => !allowed.includes(s) && s.prop !== "id");
  const withheld = new Map<string, number>();
  for (const s of denied) withheld.set(`${s.entityId}/${s.dataset}/${s.handling}`, (withheld.get(`${s.entityId}/${s.dataset}/${s.handling}`) ?? 0) + 1);
  const found = new Map(WORDS.map((word) => [word, new Set(allowed.filter((s) => s.prop === "name" && s.value.startsWith(word)).map((s) => s.entityId))]));
  // A search result is the entity as its allowed statements make it, nothing more.
  const entities = new Map(assembleEntities(defaultModel(), allowed).map((e) => [e.id, e]));
  return { allowed: new Set(allowed.map((s) => s.id)), withheld, found, entities };
}

export interface PolicyStoreHandle { store: StorePort; access: AccessRequestPort }

/**
 * Runs the properties on fresh stores from `make` (one per generated world; the caller disposes
 * of it after `close`). `runs` keeps PostgreSQL (a schema per world) affordable.
 */
export function runPolicyStoreProperty(label: string, make: () => Promise<PolicyStoreHandle>, opts: { runs: number; skip?: string }): void {
  describe.skipIf(Boolean(opts.skip))(`read paths against the naive policy reference: ${label}${opts.skip ? ` (skipped: ${opts.skip})` : ""}`, () => {
    const svcOf = (store: StorePort, sharing: SharingConfig): Services => ({ store, model: defaultModel(), sharing });

    it("returns exactly what the reference allows and counts exactly what it denies, on every read path", async () => {
      await fc.assert(fc.asyncProperty(worldArb, async (w) => {
        const { store } = await make();
        try {
          const statements = statementsOf(w);
          await load(store, w.datasets, statements);
          const got = await observe(svcOf(store, w.sharing), w.actor, w.purpose, WORDS);
          const want = expected(w, statements, []);
          expect([...got.exported].sort()).toEqual([...want.allowed].sort());
          expect([...got.viewed].sort()).toEqual([...want.allowed].sort());
          for (const word of WORDS) expect([...got.found.get(word)!].sort()).toEqual([...want.found.get(word)!].sort());
          for (const [id, entity] of got.entities) expect(entity).toEqual(want.entities.get(id));
          if (w.actor.kind === "user") expect(Object.fromEntries(got.withheld)).toEqual(Object.fromEntries(want.withheld));
        } finally {
          await store.close();
        }
      }), { seed: 20261122, numRuns: opts.runs });
    });

    it("applies approved access requests (grants) exactly as the reference does, on every read path", async () => {
      await fc.assert(fc.asyncProperty(worldArb, async (w) => {
        const { store, access } = await make();
        try {
          const statements = statementsOf(w);
          await load(store, w.datasets, statements);
          // Grants reach the decision point the real way: approved requests in the store's own table.
          for (const g of w.grants) {
            await access.createAccessRequest({
              id: g.requestId, requester: g.requester, requesterAgency: "?", entityIds: [...g.entityIds], dataset: g.dataset, owner: "?",
              purpose: g.purpose, justification: "generated", status: "pending", createdAt: NOW.toISOString(),
            }, { entries: [], link: linkAudit });
            await access.decideAccessRequest(g.requestId, {
              status: "approved", decidedBy: "owner", decidedAt: NOW.toISOString(), reason: "generated", ...(g.until ? { until: g.until } : {}),
            }, { entries: [], link: linkAudit });
          }
          const got = await observe({ ...svcOf(store, w.sharing), access }, w.actor, w.purpose, WORDS);
          const want = expected(w, statements, w.grants);
          expect([...got.exported].sort()).toEqual([...want.allowed].sort());
          expect([...got.viewed].sort()).toEqual([...want.allowed].sort());
          for (const word of WORDS) expect([...got.found.get(word)!].sort()).toEqual([...want.found.get(word)!].sort());
          for (const [id, entity] of got.entities) expect(entity).toEqual(want.entities.get(id));
          if (w.actor.kind === "user") expect(Object.fromEntries(got.withheld)).toEqual(Object.fromEntries(want.withheld));
        } finally {
          await store.close();
        }
      }), { seed: 20261123, numRuns: opts.runs });
    });
  });
}
