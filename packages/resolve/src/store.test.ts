import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultModel, isVizierError, type Dataset, type Statement } from "@vizier/model";
import { linkAudit, verifyAudit, type ResolutionPort, type Services, type StorePort } from "@vizier/core";
import { ctxFor, TEST_SHARING, testDataset, testStatements } from "@vizier/core/testing";
import { SqliteStore } from "@vizier/store-sqlite";
import { PostgresStore } from "@vizier/store-postgres";
import { createTestDatabase, pgServer } from "../../store-postgres/src/test-db";
import { judge, undoJudgement } from "./judgements";
import { resolutionOf } from "./port";
import { listReview, showResolved } from "./queries";
import { resolveStore } from "./run";
import { person, typo } from "./testing";

// Two agencies hold overlapping people: police (agency A) and customs (agency B). A's data is
// shared with B (TEST_SHARING), so B reads both datasets and A reads only its own.
const police = testDataset("police", "A");
const customs = testDataset("customs", "B");

let runNo = 0;
async function ingest(store: StorePort, ds: Dataset, statements: Statement[]): Promise<void> {
  const id = `run-${++runNo}`;
  const run = { id, dataset: ds.name, file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
  const w = await store.beginWrite(run);
  await w.writeStatements(statements);
  await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
}

async function populate(store: StorePort): Promise<void> {
  for (const d of [police, customs]) await store.putDataset(d);
  const p: Statement[] = [];
  const c: Statement[] = [];
  for (let i = 1; i < 22; i++) {
    const x = person(i);
    p.push(...testStatements(police, `a${i}`, "Person", { name: x.name, birthDate: x.birthDate, ...(i % 2 ? { idNumber: x.idNumber } : {}) }));
    if (i <= 12) c.push(...testStatements(customs, `b${i}`, "Person", { name: i % 3 === 0 ? typo(x.name, i) : x.name, birthDate: x.birthDate, ...(i % 4 ? { phone: `+316${String(1000000 + i * 37).slice(0, 8)}` } : {}) }));
  }
  // The person everybody is after, spelt three ways; the two customs records also share a phone.
  p.push(...testStatements(police, "a0", "Person", { name: "Jose Luis Gomez Arango", birthDate: "1971-06-24", idNumber: "NXP123456" }));
  c.push(...testStatements(customs, "b0", "Person", { name: "José Luis Gómez-Arango", birthDate: "1971-06-24", idNumber: "NXP123456", phone: "+31612345678" }));
  c.push(...testStatements(customs, "b0x", "LegalEntity", { name: "GOMEZ ARANGO JOSE LUIS", birthDate: "1971-06-24", idNumber: "NXP123456", phone: "+31612345678" }));
  // A police duplicate, to see whose judgements apply in which view.
  p.push(...testStatements(police, "a5x", "Person", { name: person(5).name, birthDate: person(5).birthDate, idNumber: person(5).idNumber }));
  p.push(...testStatements(police, "co1", "Company", { name: "Gomez Arango Trading BV" }));
  await ingest(store, police, p);
  await ingest(store, customs, c);
}

function suite(label: string, make: () => Promise<StorePort>, skip?: string): void {
  describe.skipIf(Boolean(skip))(`store resolution: ${label}`, () => {
    let store: StorePort;
    let svc: Services;
    let er: ResolutionPort;
    const asB = ctxFor("B");
    const asA = ctxFor("A");

    beforeAll(async () => {
      store = await make();
      await populate(store);
      svc = { store, model: defaultModel(), sharing: TEST_SHARING };
      er = resolutionOf(store);
    });
    afterAll(async () => { await store.close(); });

    const resolvedOf = async (ctx: typeof asA, ids: string[]): Promise<Map<string, string>> => {
      const { viewOf } = await import("./view");
      const { scopeFor } = await import("@vizier/core");
      const view = viewOf(await scopeFor(ctx, svc));
      return new Map((await er.memberships(view.key, { entityIds: ids })).map((m) => [m.entityId, m.resolvedId]));
    };

    it("merges the same person across two agencies' datasets, with a stable id on a rerun", async () => {
      const s = await resolveStore(asB, svc, er);
      expect(s.records).toBe(21 + 12 + 3 + 1 + 1); // people in police and customs, a0/b0/b0x, a5x, the company
      const ids = await resolvedOf(asB, ["a0", "b0", "b0x", "a5", "a5x", "a7", "b7", "co1"]);
      expect(ids.get("a0")).toBe(ids.get("b0"));
      expect(ids.get("b0")).toBe(ids.get("b0x"));
      expect(ids.get("a7")).toBe(ids.get("b7"));
      expect(ids.get("a5")).toBe(ids.get("a5x"));
      expect(ids.get("co1")).not.toBe(ids.get("a0"));
      const again = await resolveStore(asB, svc, er);
      expect(again.view).toBe(s.view);
      expect(await resolvedOf(asB, [...ids.keys()])).toEqual(ids);
      const shown = await showResolved(asB, svc, er, ids.get("a0")!);
      expect(shown.members.map((m) => m.id).sort()).toEqual(["a0", "b0", "b0x"]);
    });

    it("a reject splits the pair on the next run; the cluster keeping most members keeps its id; undo merges again", async () => {
      const before = await resolvedOf(asB, ["a0", "b0", "b0x"]);
      const j = await judge(asB, svc, er, { left: "b0", right: "a0", verdict: "reject", reason: "different fathers' names in the register" });
      expect(j).toMatchObject({ left: "a0", right: "b0", verdict: "reject", actor: "user-B", agency: "B" });
      await resolveStore(asB, svc, er);
      const after = await resolvedOf(asB, ["a0", "b0", "b0x"]);
      expect(after.get("b0")).toBe(before.get("b0"));
      expect(after.get("b0x")).toBe(before.get("b0"));
      expect(after.get("a0")).not.toBe(before.get("a0"));
      await undoJudgement(asB, svc, er, j.id);
      await expect(undoJudgement(asB, svc, er, j.id)).rejects.toSatisfy((e: unknown) => isVizierError(e, "CONFLICT"));
      await resolveStore(asB, svc, er);
      expect(await resolvedOf(asB, ["a0", "b0", "b0x"])).toEqual(before);
      expect((await er.listJudgements({ entityIds: ["a0"] })).map((x) => x.id)).toEqual([j.id]);
    });

    it("a viewer denied a dataset never gets its records in clusters built for them, nor judgements made on it", async () => {
      // B rejects a police duplicate pair; B read customs too, so the judgement does not shape A's view.
      await judge(asB, svc, er, { left: "a5", right: "a5x", verdict: "reject", reason: "customs record shows two people" });
      await resolveStore(asB, svc, er);
      const b = await resolvedOf(asB, ["a5", "a5x"]);
      expect(b.get("a5")).not.toBe(b.get("a5x"));

      const s = await resolveStore(asA, svc, er);
      const { viewOf } = await import("./view");
      const { scopeFor } = await import("@vizier/core");
      const viewA = viewOf(await scopeFor(asA, svc));
      const members = await er.memberships(viewA.key, {});
      expect(members.length).toBe(s.records);
      expect(members.some((m) => m.entityId.startsWith("b"))).toBe(false);
      expect(members.some((m) => m.entityId === "a0")).toBe(true);
      const a = await resolvedOf(asA, ["a5", "a5x"]);
      expect(a.get("a5")).toBe(a.get("a5x"));
      // B's resolved ids mean nothing in A's view; A cannot judge entities it cannot read.
      const bId = (await resolvedOf(asB, ["b0"])).get("b0")!;
      await expect(showResolved(asA, svc, er, bId)).rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
      await expect(judge(asA, svc, er, { left: "a0", right: "b0", verdict: "confirm", reason: "x" })).rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
      for (const item of await listReview(asA, svc, er, { limit: 100 })) expect([item.left.id, item.right.id].some((id) => id.startsWith("b"))).toBe(false);
      // The load was audited with exactly the entities A read.
      const records = [];
      for await (const batch of store.scanAudit(1000)) records.push(...batch);
      const last = records.filter((r) => r.action === "resolve.run" && r.actor === "user-A" && r.query.includes('"stage":"load"')).pop();
      expect(last?.resultIds.some((id) => id.startsWith("b"))).toBe(false);
      expect(last?.resultIds).toContain("a0");
      expect((await verifyAudit(store.scanAudit(1000))).ok).toBe(true);
    });

    it("a killed run leaves the previous result; the next run takes over and finishes", async () => {
      const { viewOf } = await import("./view");
      const { scopeFor } = await import("@vizier/core");
      const view = viewOf(await scopeFor(asB, svc));
      const before = await er.memberships(view.key, {});
      const runs = await er.listRuns(view.key);
      const last = runs[runs.length - 1]!;
      await er.startRun({ ...last, id: "killed-run", status: "running", cursor: "estimated", startedAt: new Date().toISOString() });
      expect(await er.memberships(view.key, {})).toEqual(before);
      const s = await resolveStore(asB, svc, er);
      expect(s.resumed).toBe("killed-run");
      const after = await er.listRuns(view.key);
      expect(after.find((r) => r.id === "killed-run")?.status).toBe("abandoned");
      expect(after.find((r) => r.id === s.runId)?.status).toBe("finished");
      expect(await er.memberships(view.key, {})).toEqual(before);
    });

    it("incremental: a new record is compared against the existing clusters only", async () => {
      const before = await resolvedOf(asB, ["a0", "b0"]);
      await ingest(store, customs, testStatements(customs, "b0y", "Person", { name: "Jose L. Gomez Arango", birthDate: "1971-06-24", idNumber: "NXP123456", phone: "+31612345678" }));
      const s = await resolveStore(asB, svc, er, { incremental: true });
      expect(s.incremental).toBe(true);
      expect(s.compared).toBe(1);
      const after = await resolvedOf(asB, ["a0", "b0", "b0y"]);
      expect(after.get("b0y")).toBe(before.get("b0"));
      expect(after.get("a0")).toBe(before.get("a0"));
    });
  });
}

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

suite("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vizier-resolve-"));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  await store.init();
  return store;
});

const server = pgServer();
let pgDb: { url: string; drop: () => Promise<void> } | undefined;
afterAll(async () => { await pgDb?.drop(); });
suite("postgres", async () => {
  pgDb ??= await createTestDatabase(server.url ?? "", "vz_resolve");
  const store = new PostgresStore({ url: pgDb.url, maxConnections: 4 });
  await store.init();
  return store;
}, server.url ? undefined : server.reason);
