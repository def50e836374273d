import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assembleEntities, defaultModel, finishEntities, isVizierError, type Statement } from "@vizier/model";
import { GENESIS, linkAudit, verifyAudit } from "../audit/chain";
import type { AuditEntry } from "../audit/types";
import type { IngestRun, StorePort } from "../ports/store";
import { ctxFor, scopeOf, systemCtx, testDataset, testStatements } from "./fixtures";

const run = (id: string, dataset: string): IngestRun => ({ id, dataset, file: "test.csv", mapping: "m.yml", actor: "tester", startedAt: "2026-01-01T00:00:00.000Z" });
const entry = (query: string): AuditEntry => ({ at: "2026-01-01T00:00:00.000Z", actor: "tester", agency: "A", purpose: "case:T", action: "ingest", query, resultIds: [], recipients: [] });
const noAudit = { entries: [], link: linkAudit };

/**
 * The contract every StorePort adapter passes (SQLite and PostgreSQL run the same suite).
 * `make` returns a fresh, empty, initialised store; `reopen` a second handle on the same store.
 */
export function runStoreContract(label: string, make: () => Promise<{ store: StorePort; reopen: () => Promise<StorePort> }>, opts: { skip?: string } = {}): void {
  describe.skipIf(Boolean(opts.skip))(`store contract: ${label}${opts.skip ? ` (skipped: ${opts.skip})` : ""}`, () => {
    let store: StorePort;
    let reopen: () => Promise<StorePort>;
    const dsA = testDataset("police", "A");
    const dsB = testDataset("customs", "B");
    const dsC = testDataset("foreign", "C");

    beforeEach(async () => {
      ({ store, reopen } = await make());
      for (const d of [dsA, dsB, dsC]) await store.putDataset(d);
    });
    afterEach(async () => { await store.close(); });

    it("initialises idempotently and keeps datasets", async () => {
      await store.init();
      expect((await store.listDatasets()).map((d) => d.name)).toEqual(["customs", "foreign", "police"]);
      expect(await store.getDataset("police")).toEqual(dsA);
      expect(await store.getDataset("nope")).toBeUndefined();
      await expect(store.putDataset(dsA)).rejects.toSatisfy((e: unknown) => isVizierError(e, "ALREADY_EXISTS"));
    });

    it("keeps settings", async () => {
      expect(await store.getSetting("agency")).toBeUndefined();
      await store.putSetting("agency", "A");
      await store.putSetting("agency", "B");
      const other = await reopen();
      expect(await other.getSetting("agency")).toBe("B");
      await other.close();
    });

    it("makes a run visible only at commit, to every connection", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements(testStatements(dsA, "e1", "Person", { name: "Jan Jansen", birthDate: "1980-01-01" }, { runId: "r1" }));
      await w.writeQuarantine([{ kind: "rejected", runId: "r1", dataset: "police", file: "test.csv", row: 7, column: "dob", reason: "unparsable date", raw: "{}" }]);
      expect((await store.stats()).statements).toBe(0);
      const other = await reopen();
      expect((await other.stats()).statements).toBe(0);
      expect(await w.runEntities()).toBe(1);
      await w.commit({ ...run("r1", "police"), status: "committed", statements: 3 }, { entries: [entry("ingest r1")], link: linkAudit });
      const s = await other.stats();
      expect(s.statements).toBe(3);
      expect(s.entities).toBe(1);
      expect(s.quarantined).toBe(1);
      expect(s.runs).toBe(1);
      expect(s.auditRecords).toBe(1);
      expect(s.bySchema).toEqual({ Person: 1 });
      const q = await other.listQuarantine({ dataset: "police", limit: 10 });
      expect(q).toMatchObject([{ row: 7, column: "dob", reason: "unparsable date", file: "test.csv", kind: "rejected" }]);
      expect((await other.listRuns("police")).map((r) => r.id)).toEqual(["r1"]);
      await other.close();
    });

    it("leaves the store as it was after abort", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements(testStatements(dsA, "e1", "Person", { name: "Jan" }));
      await w.abort();
      const s = await store.stats();
      expect([s.statements, s.runs, s.quarantined, s.auditRecords]).toEqual([0, 0, 0, 0]);
    });

    it("is idempotent: the same statements again change nothing but last_seen", async () => {
      const sts = testStatements(dsA, "e1", "Person", { name: ["Jan Jansen", "J. Jansen"] });
      for (const r of ["r1", "r2"]) {
        const w = await store.beginWrite(run(r, "police"));
        await w.writeStatements(sts.map((s) => ({ ...s, runId: r, lastSeen: r === "r2" ? "2026-02-01T00:00:00.000Z" : s.lastSeen })));
        await w.commit(run(r, "police"), noAudit);
      }
      expect((await store.stats()).statements).toBe(3);
      const read = await store.readStatements(scopeOf(systemCtx(), []), { entityIds: ["e1"] });
      expect(read.every((s) => s.lastSeen === "2026-02-01T00:00:00.000Z" && s.firstSeen === "2026-01-01T00:00:00.000Z")).toBe(true);
      expect((await store.search(scopeOf(systemCtx(), []), { text: "jansen", limit: 10, offset: 0 })).length).toBe(1);
    });

    it("flags conflicting single values from different rows of one run", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements([
        ...testStatements(dsA, "e1", "Person", { birthDate: "1980-01-01" }, { row: 2 }),
        ...testStatements(dsA, "e1", "Person", { birthDate: "1981-02-02" }, { row: 3 }),
        ...testStatements(dsA, "e2", "Person", { name: ["A", "B"] }, { row: 4 }),
      ]);
      const c = await w.conflicts(10);
      expect(c).toHaveLength(1);
      expect(c[0]).toMatchObject({ entityId: "e1", prop: "birthDate" });
      expect([...c[0]!.values].sort()).toEqual(["1980-01-01", "1981-02-02"]);
      await w.abort();
    });

    async function seedThree(): Promise<void> {
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements([
        ...testStatements(dsA, "p1", "Person", { name: "José Gómez Arango", idNumber: "X123" }),
        ...testStatements(dsA, "p1", "Person", { birthDate: "1975-03-04" }, { handling: "RED" }),
        ...testStatements(dsB, "p1", "Person", { name: "J.L. Gomez" }),
        ...testStatements(dsC, "p1", "Person", { name: "Jose Gomez" }),
        ...testStatements(dsC, "p2", "Company", { name: "Gomez Fruit Import BV" }),
      ]);
      await w.commit(run("r1", "police"), noAudit);
    }

    it("reads only what the scope allows, and counts what it withholds", async () => {
      await seedThree();
      const datasets = await store.listDatasets();
      const asB = scopeOf(ctxFor("B"), datasets);
      const read: Statement[] = await store.readStatements(asB, { entityIds: ["p1", "p2"] });
      expect(new Set(read.map((s) => s.dataset))).toEqual(new Set(["police", "customs"]));
      expect(read.some((s) => s.handling === "RED")).toBe(false);
      const held = await store.countWithheld(asB, ["p1", "p2"]);
      const key = (h: { entityId: string; dataset: string; handling: string; count: number }) => `${h.entityId}/${h.dataset}/${h.handling}/${h.count}`;
      expect(held.map(key).sort()).toEqual(["p1/foreign/GREEN/1", "p1/police/RED/1", "p2/foreign/GREEN/1"]);
      const asA = scopeOf(ctxFor("A"), datasets);
      expect((await store.readStatements(asA, { entityIds: ["p1"] })).some((s) => s.handling === "RED")).toBe(true);
      const all = await store.readStatements(scopeOf(systemCtx(), datasets), { entityIds: ["p1", "p2"] });
      expect(all.length).toBe(read.length + 3 + 2);
    });

    it("searches names and identifiers within scope, folding diacritics", async () => {
      await seedThree();
      const datasets = await store.listDatasets();
      const sys = scopeOf(systemCtx(), datasets);
      expect((await store.search(sys, { text: "gomez", limit: 10, offset: 0 })).map((h) => h.entityId).sort()).toEqual(["p1", "p2"]);
      expect((await store.search(sys, { text: "Gómez arang", limit: 10, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
      expect((await store.search(sys, { text: "x123", limit: 10, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
      const asB = scopeOf(ctxFor("B"), datasets);
      expect((await store.search(asB, { text: "fruit", limit: 10, offset: 0 }))).toEqual([]);
      expect((await store.search(asB, { text: "gomez", limit: 10, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
      expect(await store.search(sys, { text: '" OR * NEAR(', limit: 10, offset: 0 })).toEqual([]);
    });

    it("finds an identifier written with separators as written, spaced, and compact", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements([
        ...testStatements(dsA, "i1", "Person", { name: "Ida Ident", idNumber: "AB-12.3456" }),
        ...testStatements(dsA, "i2", "Person", { name: "Otto Other", idNumber: "CD 99 0001" }),
        // Phones (E.164) and e-mail addresses are searched like identifiers.
        ...testStatements(dsA, "i3", "Person", { name: "Pia Phone", phone: "+31612345678", email: "pia.phone@example.org" })
          .map((st) => (st.prop === "phone" || st.prop === "email" ? { ...st, propType: st.prop } : st)),
      ]);
      await w.commit(run("r1", "police"), noAudit);
      const sys = scopeOf(systemCtx(), await store.listDatasets());
      const ids = async (text: string) => (await store.search(sys, { text, limit: 10, offset: 0 })).map((h) => h.entityId).sort();
      expect(await ids("AB-12.3456")).toEqual(["i1"]);
      expect(await ids("ab 12 3456")).toEqual(["i1"]);
      expect(await ids("AB123456")).toEqual(["i1"]);
      expect(await ids("cd990001")).toEqual(["i2"]);
      expect(await ids("CD 99 0001")).toEqual(["i2"]);
      expect(await ids("+31612345678")).toEqual(["i3"]);
      expect(await ids("31612345678")).toEqual(["i3"]);
      expect(await ids("pia.phone@example.org")).toEqual(["i3"]);
    });

    it("finds people by every name part: first, second, middle, last, father's and mother's names", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements([
        ...testStatements(dsA, "n1", "Person", { firstName: "Luis", secondName: "Arango", lastName: "Gómez" }),
        ...testStatements(dsA, "n2", "Person", { firstName: "Ana", middleName: "Lucía", motherName: "Restrepo", fatherName: "Ivanovich" }),
        ...testStatements(dsA, "n3", "Person", { title: "Dr", nameSuffix: "Jr" }),
      ]);
      await w.commit(run("r1", "police"), noAudit);
      const sys = scopeOf(systemCtx(), await store.listDatasets());
      const ids = async (text: string) => (await store.search(sys, { text, limit: 10, offset: 0 })).map((h) => h.entityId).sort();
      expect(await ids("gomez arango")).toEqual(["n1"]);
      expect(await ids("restrepo")).toEqual(["n2"]);
      expect(await ids("ivanovich lucia")).toEqual(["n2"]);
      // Titles and suffixes are not names.
      expect(await ids("dr")).toEqual([]);
    });

    it("finds Turkish names typed without the dotless ı, and with it", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements([
        ...testStatements(dsA, "t1", "Person", { name: "Mehmet Yılmaz" }),
        ...testStatements(dsA, "t2", "Person", { name: "Ayşe Aydın" }),
        ...testStatements(dsA, "t3", "Person", { name: "Ibrahim Yilmaz" }),
      ]);
      await w.commit(run("r1", "police"), noAudit);
      const sys = scopeOf(systemCtx(), await store.listDatasets());
      const ids = async (text: string) => (await store.search(sys, { text, limit: 10, offset: 0 })).map((h) => h.entityId).sort();
      expect(await ids("yilmaz")).toEqual(["t1", "t3"]);
      expect(await ids("yılmaz")).toEqual(["t1"]);
      expect(await ids("ayse aydin")).toEqual(["t2"]);
      expect(await ids("mehmet yilm")).toEqual(["t1"]);
    });

    it("finds misspelt names when the words as typed match nothing readable, within scope", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements([
        ...testStatements(dsA, "m1", "Person", { name: "Jan Jansen" }),
        ...testStatements(dsA, "m2", "Person", { name: "Piet Bakker" }),
        ...testStatements(dsC, "m3", "Person", { name: "Willem Bakkers" }),
      ]);
      await w.commit(run("r1", "police"), noAudit);
      const datasets = await store.listDatasets();
      const ids = async (agency: string | null, text: string) =>
        (await store.search(scopeOf(agency ? ctxFor(agency) : systemCtx(), datasets), { text, limit: 10, offset: 0 })).map((h) => h.entityId).sort();
      expect(await ids(null, "jansn")).toEqual(["m1"]);
      expect(await ids(null, "jan jnasen")).toEqual(["m1"]);
      // The nearest spelling at least (a store may offer more distant ones too).
      expect(await ids(null, "bakkker")).toContain("m2");
      // A word that matched is not replaced by its neighbours, and nothing out of scope is offered.
      expect(await ids(null, "bakker")).toEqual(["m2", "m3"]);
      expect(await ids("A", "jansn")).toEqual(["m1"]);
      expect(await ids("C", "jansn")).toEqual([]);
      expect(await ids(null, "qqqqqq")).toEqual([]);
    });

    it("finds people by their name parts alone (first, middle, last name), misspelt too, within scope", async () => {
      // FtM types firstName, middleName and lastName as plain strings; both stores search them as names (model/searchable.ts).
      const w = await store.beginWrite(run("r1", "police"));
      await w.writeStatements([
        ...testStatements(dsA, "n1", "Person", { firstName: "Hendrik", lastName: "Vermeulen" }),
        ...testStatements(dsA, "n2", "Person", { firstName: "Anna", middleName: "Maria", lastName: "Kowalska" }),
        ...testStatements(dsC, "n3", "Person", { firstName: "Hendrik", lastName: "Claes" }),
      ]);
      await w.commit(run("r1", "police"), noAudit);
      const datasets = await store.listDatasets();
      const ids = async (agency: string | null, text: string) =>
        (await store.search(scopeOf(agency ? ctxFor(agency) : systemCtx(), datasets), { text, limit: 10, offset: 0 })).map((h) => h.entityId).sort();
      expect(await ids(null, "hendrik vermeulen")).toEqual(["n1"]);
      expect(await ids(null, "hendrik")).toEqual(["n1", "n3"]);
      expect(await ids(null, "maria kowalska")).toEqual(["n2"]);
      expect(await ids(null, "vermelen")).toEqual(["n1"]);
      expect(await ids(null, "anna kowalksa")).toEqual(["n2"]);
      // B reads A's datasets but not C's; C reads only its own.
      expect(await ids("B", "hendrik")).toEqual(["n1"]);
      expect(await ids("B", "claes")).toEqual([]);
      expect(await ids("B", "claas")).toEqual([]);
      expect(await ids("C", "vermeulen")).toEqual([]);
      expect(await ids("C", "vermelen")).toEqual([]);
      expect(await ids("C", "hendrik")).toEqual(["n3"]);
    });

    it("scans statements grouped by entity, complete across pages, within scope", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      const many: Statement[] = [];
      for (let i = 0; i < 250; i++) many.push(...testStatements(i % 2 ? dsA : dsC, `e${String(i).padStart(4, "0")}`, "Person", { name: `N ${i}` }));
      await w.writeStatements(many);
      await w.commit(run("r1", "police"), noAudit);
      const seen: string[] = [];
      for await (const b of store.scanStatements(scopeOf(ctxFor("B"), await store.listDatasets()), {}, 40)) seen.push(...b.map((s) => s.entityId));
      expect(seen.length).toBe(250);
      expect([...seen].sort()).toEqual(seen);
      let n = 0;
      for await (const b of store.scanStatements(scopeOf(systemCtx(), []), { dataset: "foreign" }, 40)) n += b.length;
      expect(n).toBe(250);
    });

    it("gives, where it has them, the entities assembleEntities makes of its statements from entity parts (scanEntityParts, readEntityParts)", async () => {
      const w = await store.beginWrite(run("r1", "police"));
      const many: Statement[] = [];
      for (let i = 0; i < 60; i++) {
        many.push(...testStatements(i % 3 ? dsA : dsC, `e${String(i).padStart(3, "0")}`, i % 4 ? "Person" : "Company", { name: `N ${i}` }, { handling: i % 5 ? "GREEN" : "RED" }));
      }
      await w.writeStatements(many);
      await w.commit(run("r1", "police"), noAudit);
      const model = defaultModel();
      const datasets = await store.listDatasets();
      for (const scope of [scopeOf(ctxFor("A"), datasets), scopeOf(ctxFor("B"), datasets), scopeOf(systemCtx(), datasets)]) {
        for (const q of [{}, { schemas: ["Company"] }, { dataset: "foreign" }]) {
          const want: unknown[] = [];
          for await (const b of store.scanStatements(scope, q, 40)) want.push(...assembleEntities(model, b));
          if (store.scanEntityParts) {
            const got: unknown[] = [];
            for await (const parts of store.scanEntityParts(scope, q, 40)) got.push(...finishEntities(model, parts));
            expect(got).toEqual(want);
          }
        }
        const ids = ["e001", "e004", "e005", "nobody"];
        if (store.readEntityParts) {
          expect(finishEntities(model, await store.readEntityParts(scope, ids))).toEqual(assembleEntities(model, await store.readStatements(scope, { entityIds: ids })));
        }
      }
    });

    it("finds reverse references within scope and counts the withheld ones", async () => {
      const ref = (ds: typeof dsA, id: string, schema: string, refs: Record<string, string>, extra: Record<string, string> = {}) => {
        const sts = testStatements(ds, id, schema, extra);
        for (const [prop, target] of Object.entries(refs)) {
          sts.push({ ...sts[0]!, id: `${id}-${prop}`, prop, propType: "entity", value: target, original: target });
        }
        return sts;
      };
      for (const [r, ds, sts] of [
        ["r1", dsA, [...testStatements(dsA, "p1", "Person", { name: "Jan Jansen" }), ...ref(dsA, "own1", "Ownership", { owner: "p1", asset: "c1" })]],
        ["r2", dsC, ref(dsC, "dir1", "Directorship", { director: "p1", organization: "c2" })],
      ] as const) {
        const w = await store.beginWrite(run(r, ds.name));
        await w.writeStatements(sts);
        await w.commit(run(r, ds.name), noAudit);
      }
      const all = await store.references(scopeOf(systemCtx(), [dsA, dsB, dsC]), ["p1"], 10);
      expect(all.references.map((x) => [x.entityId, x.prop, x.schema, x.dataset])).toEqual([["dir1", "director", "Directorship", "foreign"], ["own1", "owner", "Ownership", "police"]]);
      expect(all.withheld).toBe(0);
      // Agency B may read A's datasets only: the Directorship (agency C) is a count, not content.
      const b = await store.references(scopeOf(ctxFor("B"), [dsA, dsB, dsC]), ["p1", "c1", "nobody"], 10);
      expect(b.references.map((x) => [x.target, x.entityId, x.prop])).toEqual([["c1", "own1", "asset"], ["p1", "own1", "owner"]]);
      expect(b.withheld).toBe(1);
      expect((await store.references(scopeOf(ctxFor("B"), [dsA, dsB, dsC]), ["p1", "c1"], 1)).references).toHaveLength(1);
      expect(await store.references(scopeOf(ctxFor("B"), [dsA, dsB, dsC]), [], 10)).toEqual({ references: [], withheld: 0 });
      // Re-ingesting the same content adds no duplicate references.
      const w = await store.beginWrite(run("r3", "police"));
      await w.writeStatements(ref(dsA, "own1", "Ownership", { owner: "p1", asset: "c1" }));
      await w.commit(run("r3", "police"), noAudit);
      expect((await store.references(scopeOf(systemCtx(), [dsA, dsB, dsC]), ["p1"], 10)).references).toHaveLength(2);
    });

    it("lists statements due for retention review and removes expired ones with their search entries, audited", async () => {
      const expiring = (sts: Statement[], until: string, runId: string, seen: string) =>
        sts.map((s) => ({ ...s, retentionUntil: until, runId, firstSeen: seen, lastSeen: seen }));
      const write = async (r: string, sts: Statement[]) => {
        const w = await store.beginWrite(run(r, "police"));
        await w.writeStatements(sts);
        await w.commit(run(r, "police"), noAudit);
      };
      // e1 only expired; e2 seen in an expired run and again (with one more name) in a live one.
      await write("r1", [
        ...expiring(testStatements(dsA, "e1", "Person", { name: "Karel Verlopen" }), "2020-01-01", "r1", "2015-01-01T00:00:00.000Z"),
        ...expiring(testStatements(dsA, "e2", "Person", { name: "Anna Blijft" }), "2020-01-01", "r1", "2015-01-01T00:00:00.000Z"),
      ]);
      await write("r2", expiring(testStatements(dsA, "e2", "Person", { name: ["Anna Blijft", "Anna B."] }), "2031-01-01", "r2", "2026-01-01T00:00:00.000Z"));
      const due = await store.retentionDue("2025-12-31");
      expect(due.map((d) => [d.dataset, d.retentionUntil])).toEqual([["police", "2020-01-01"]]);
      // The embedded store counts per block: e2's superseded r1 block is listed too (its statements
      // survive through the r2 block). At least e1 is due.
      expect(due[0]!.entities).toBeGreaterThanOrEqual(1);
      expect((await store.retentionDue("2019-12-31"))).toEqual([]);
      const all = scopeOf(systemCtx(), []);
      const got = await store.purgeExpired("2026-06-01", (r) => ({ entries: [entry(`retention ${r.removedEntityIds.join(",")}`)], link: linkAudit }));
      expect(got.removedEntityIds).toEqual(["e1"]);
      expect(got.entities).toBeGreaterThanOrEqual(1);
      expect(await store.readStatements(all, { entityIds: ["e1"] })).toEqual([]);
      expect((await store.search(all, { text: "verlopen", limit: 5, offset: 0 }))).toEqual([]);
      const e2 = await store.readStatements(all, { entityIds: ["e2"] });
      expect(e2.map((s) => s.value).sort()).toEqual(["Anna B.", "Anna Blijft", "e2"]);
      expect(e2.every((s) => s.retentionUntil === "2031-01-01")).toBe(true);
      expect((await store.search(all, { text: "blijft", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["e2"]);
      expect((await store.stats()).entities).toBe(1);
      const recs = [];
      for await (const b of store.scanAudit(10)) recs.push(...b);
      expect(recs.map((r) => r.query)).toEqual(["retention e1"]);
      const again = await store.purgeExpired("2026-06-01", () => noAudit);
      expect([again.statements, again.removedEntityIds.length]).toEqual([0, 0]);
    });

    it("chains audit records across appends and connections", async () => {
      await store.appendAudit([entry("a"), entry("b")], linkAudit);
      const other = await reopen();
      await other.appendAudit([entry("c")], linkAudit);
      await other.close();
      const recs = [];
      for await (const b of store.scanAudit(2)) recs.push(...b);
      expect(recs.map((r) => [r.seq, r.query])).toEqual([[1, "a"], [2, "b"], [3, "c"]]);
      expect(recs[0]!.prevHash).toBe(GENESIS);
      expect((await verifyAudit(store.scanAudit(2))).ok).toBe(true);
    });
  });
}
