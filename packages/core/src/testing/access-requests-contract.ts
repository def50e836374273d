import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultModel, isVizierError } from "@vizier/model";
import { grantsFor } from "../access/grants";
import { decideAccess, listAccess, requestAccess } from "../access/requests";
import { linkAudit, verifyAudit } from "../audit/chain";
import type { AuditEntry, AuditRecord } from "../audit/types";
import { makeCtx, userActor, type Ctx, type Role } from "../context";
import { scopeAllows } from "../policy/scope";
import type { AccessRequest, AccessRequestPort } from "../ports/access-requests";
import type { StorePort } from "../ports/store";
import { viewEntities } from "../read/entities";
import { scopeFor } from "../read/scope";
import type { Services } from "../services";
import { ctxFor, TEST_SHARING, testDataset, testStatements } from "./fixtures";

/** A store with its access-request port, as each adapter exposes it. */
export interface AccessStore { store: StorePort; access: AccessRequestPort }

const NOW = () => new Date("2026-06-01T00:00:00Z");
const person = (id: string, agency: string, roles: Role[], purpose = "case:TEST-1"): Ctx => makeCtx(userActor(id, agency, roles), purpose, NOW);
const entry = (q: string): AuditEntry => ({ at: "2026-06-01T00:00:00.000Z", actor: "t", agency: "B", purpose: "case:T", action: "access.request", query: q, resultIds: [], recipients: [] });
const request = (id: string, extra: Partial<AccessRequest> = {}): AccessRequest => ({
  id, requester: "user-B", requesterAgency: "B", entityIds: ["e1"], dataset: "foreign", owner: "C", purpose: "case:TEST-1",
  justification: "needed for the case", status: "pending", createdAt: "2026-06-01T00:00:00.000Z", ...extra,
});

async function auditLog(store: StorePort): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for await (const b of store.scanAudit(1000)) out.push(...b);
  return out;
}

/**
 * The contract every AccessRequestPort adapter passes, plus the access-request use cases
 * (core/access) run on that adapter's real store. `make` returns a fresh, empty, initialised store;
 * `reopen` a second handle on the same store.
 */
export function runAccessRequestContract(
  label: string, make: () => Promise<AccessStore & { reopen: () => Promise<AccessStore> }>, opts: { skip?: string } = {},
): void {
  describe.skipIf(Boolean(opts.skip))(`access-request contract: ${label}${opts.skip ? ` (skipped: ${opts.skip})` : ""}`, () => {
    let h: AccessStore & { reopen: () => Promise<AccessStore> };
    let svc: Services;
    const police = testDataset("police", "A");
    const foreign = testDataset("foreign", "C");

    beforeEach(async () => {
      h = await make();
      for (const d of [police, foreign]) await h.store.putDataset(d);
      const w = await h.store.beginWrite({ id: "r1", dataset: "foreign", file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });
      await w.writeStatements([
        ...testStatements(foreign, "e1", "Person", { name: "Jan Jansen" }, { runId: "r1" }),
        ...testStatements(foreign, "e2", "Person", { name: "Piet Pieters" }, { runId: "r1" }),
        ...testStatements(police, "e1", "Person", { name: "J. Jansen" }, { runId: "r1" }),
      ]);
      await w.commit({ id: "r1", dataset: "foreign", file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z", status: "committed" },
        { entries: [], link: linkAudit });
      svc = { store: h.store, model: defaultModel(), sharing: TEST_SHARING, access: h.access };
    });
    afterEach(async () => { await h.store.close(); });

    describe("port", () => {
      it("reads as empty before any request exists", async () => {
        expect(await h.access.listAccessRequests({})).toEqual([]);
        expect(await h.access.approvedFor("user-B")).toEqual([]);
        expect(await h.access.getAccessRequest("ar-1")).toBeUndefined();
      });

      it("files the first requests of two processes at the same moment", async () => {
        const other = await h.reopen();
        await Promise.all([
          h.access.createAccessRequest(request("ar-1"), { entries: [entry("one")], link: linkAudit }),
          other.access.createAccessRequest(request("ar-2"), { entries: [entry("two")], link: linkAudit }),
        ]);
        await other.store.close();
        expect((await h.access.listAccessRequests({})).map((r) => r.id).sort()).toEqual(["ar-1", "ar-2"]);
        expect((await verifyAudit(h.store.scanAudit(100))).ok).toBe(true);
      });

      it("stores, reads and lists requests, newest first, with their audit records chained", async () => {
        await h.access.createAccessRequest(request("ar-1"), { entries: [entry("one")], link: linkAudit });
        await h.access.createAccessRequest(request("ar-2", { createdAt: "2026-06-02T00:00:00.000Z", requester: "x", owner: "A", entityIds: ["e1", "e2"] }),
          { entries: [entry("two")], link: linkAudit });
        expect(await h.access.getAccessRequest("ar-1")).toEqual(request("ar-1"));
        expect(await h.access.getAccessRequest("nope")).toBeUndefined();
        expect((await h.access.listAccessRequests({})).map((r) => r.id)).toEqual(["ar-2", "ar-1"]);
        expect((await h.access.listAccessRequests({ owner: "C" })).map((r) => r.id)).toEqual(["ar-1"]);
        expect((await h.access.listAccessRequests({ requester: "x" }))[0]?.entityIds).toEqual(["e1", "e2"]);
        expect(await h.access.listAccessRequests({ status: "approved" })).toEqual([]);
        expect((await auditLog(h.store)).map((r) => r.query)).toEqual(["one", "two"]);
        expect((await verifyAudit(h.store.scanAudit(100))).ok).toBe(true);
      });

      it("refuses a duplicate id and appends no audit record for it", async () => {
        await h.access.createAccessRequest(request("ar-1"), { entries: [entry("one")], link: linkAudit });
        await expect(h.access.createAccessRequest(request("ar-1"), { entries: [entry("dup")], link: linkAudit }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "ALREADY_EXISTS"));
        expect((await auditLog(h.store)).map((r) => r.query)).toEqual(["one"]);
      });

      it("decides a pending request once; a second decision is a CONFLICT and leaves no audit record", async () => {
        await h.access.createAccessRequest(request("ar-1"), { entries: [entry("one")], link: linkAudit });
        const d = { status: "approved" as const, decidedBy: "officer-C", decidedAt: "2026-06-01T01:00:00.000Z", reason: "ok", until: "2026-12-31T23:59:59.999Z" };
        const r = await h.access.decideAccessRequest("ar-1", d, { entries: [entry("decide")], link: linkAudit });
        expect(r).toEqual({ ...request("ar-1"), ...d });
        expect(await h.access.getAccessRequest("ar-1")).toEqual(r);
        expect(await h.access.approvedFor("user-B")).toEqual([r]);
        expect(await h.access.approvedFor("someone")).toEqual([]);
        await expect(h.access.decideAccessRequest("ar-1", { ...d, status: "refused" }, { entries: [entry("again")], link: linkAudit }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "CONFLICT"));
        await expect(h.access.decideAccessRequest("nope", d, { entries: [entry("none")], link: linkAudit }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
        expect((await auditLog(h.store)).map((r) => r.query)).toEqual(["one", "decide"]);
      });

      it("lets exactly one of two concurrent deciders win", async () => {
        await h.access.createAccessRequest(request("ar-1"), { entries: [entry("one")], link: linkAudit });
        const other = await h.reopen();
        const d = (by: string) => ({ status: "approved" as const, decidedBy: by, decidedAt: "2026-06-01T01:00:00.000Z", reason: "ok" });
        const results = await Promise.allSettled([
          h.access.decideAccessRequest("ar-1", d("p"), { entries: [entry("p")], link: linkAudit }),
          other.access.decideAccessRequest("ar-1", d("q"), { entries: [entry("q")], link: linkAudit }),
        ]);
        await other.store.close();
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        expect(results.filter((r) => r.status === "rejected" && isVizierError(r.reason, "CONFLICT"))).toHaveLength(1);
        expect(await auditLog(h.store)).toHaveLength(2);
        expect((await verifyAudit(h.store.scanAudit(100))).ok).toBe(true);
      });
    });

    describe("use cases", () => {
      const asB = () => ctxFor("B");
      const officerC = () => person("officer-C", "C", ["privacy_officer"]);

      it("files a request only for statements withheld from the requester, audited with the owner as recipient", async () => {
        await expect(requestAccess(asB(), svc, { entityIds: ["e1"], dataset: "police", justification: "needed for the case" }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
        await expect(requestAccess(asB(), svc, { entityIds: ["e9"], dataset: "foreign", justification: "needed for the case" }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
        await expect(requestAccess(asB(), svc, { entityIds: ["e1"], dataset: "nope", justification: "needed for the case" }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
        await expect(requestAccess(asB(), svc, { entityIds: ["e1"], dataset: "foreign", justification: "short" }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
        const r = await requestAccess(asB(), svc, { entityIds: ["e1", "e1"], dataset: "foreign", justification: "suspect in case TEST-1" });
        expect(r).toMatchObject({ requester: "user-B", requesterAgency: "B", owner: "C", entityIds: ["e1"], purpose: "case:TEST-1", status: "pending" });
        const log = await auditLog(h.store);
        expect(log).toHaveLength(1);
        expect(log[0]).toMatchObject({ action: "access.request", actor: "user-B", resultIds: ["e1"], recipients: ["C"] });
      });

      it("lets only the owner's admin, privacy officer or liaison decide, never on their own request", async () => {
        const r = await requestAccess(asB(), svc, { entityIds: ["e1"], dataset: "foreign", justification: "suspect in case TEST-1" });
        for (const who of [person("analyst-C", "C", ["analyst"]), person("officer-A", "A", ["privacy_officer"]), asB()]) {
          await expect(decideAccess(who, svc, r.id, { approve: true, reason: "fine" })).rejects.toSatisfy((e: unknown) => isVizierError(e, "FORBIDDEN"));
        }
        await expect(decideAccess(officerC(), svc, r.id, { approve: true, reason: "fine", until: "2026-01-01" }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
        await expect(decideAccess(officerC(), svc, "ar-nope", { approve: true, reason: "fine" })).rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
        const d = await decideAccess(officerC(), svc, r.id, { approve: true, reason: "proportionate", until: "2026-12-31" });
        expect(d).toMatchObject({ status: "approved", decidedBy: "officer-C", reason: "proportionate", until: "2026-12-31T23:59:59.999Z" });
        await expect(decideAccess(person("liaison-C", "C", ["liaison"]), svc, r.id, { approve: false, reason: "not now" }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "CONFLICT"));
        const log = await auditLog(h.store);
        expect(log.map((x) => x.action)).toEqual(["access.request", "access.decide"]);
        expect(log[1]).toMatchObject({ actor: "officer-C", agency: "C", resultIds: ["e1"], recipients: ["B"] });
      });

      it("turns an approval into a grant for exactly that entity, dataset, requester and purpose", async () => {
        const r = await requestAccess(asB(), svc, { entityIds: ["e1"], dataset: "foreign", justification: "suspect in case TEST-1" });
        expect(scopeAllows(await scopeFor(asB(), svc), "foreign", "GREEN", "e1")).toBe(false);
        await decideAccess(officerC(), svc, r.id, { approve: true, reason: "proportionate" });
        expect(await grantsFor(asB(), svc)).toMatchObject([{ requestId: r.id, dataset: "foreign", entityIds: ["e1"] }]);
        const s = await scopeFor(asB(), svc);
        expect(scopeAllows(s, "foreign", "GREEN", "e1")).toBe(true);
        expect(scopeAllows(s, "foreign", "GREEN", "e2")).toBe(false);
        expect(scopeAllows(await scopeFor(person("user-B", "B", ["analyst"], "case:OTHER"), svc), "foreign", "GREEN", "e1")).toBe(false);
        expect(scopeAllows(await scopeFor(person("colleague-B", "B", ["analyst"]), svc), "foreign", "GREEN", "e1")).toBe(false);
      });

      it("gives no grant for a refusal", async () => {
        const r = await requestAccess(asB(), svc, { entityIds: ["e1"], dataset: "foreign", justification: "suspect in case TEST-1" });
        await expect(decideAccess(officerC(), svc, r.id, { approve: false, reason: "not proportionate", until: "2026-12-31" }))
          .rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
        expect(await decideAccess(officerC(), svc, r.id, { approve: false, reason: "not proportionate" })).toMatchObject({ status: "refused" });
        expect(await grantsFor(asB(), svc)).toEqual([]);
      });

      it("lists own requests, and the agency's for deciding roles", async () => {
        const r = await requestAccess(asB(), svc, { entityIds: ["e1"], dataset: "foreign", justification: "suspect in case TEST-1" });
        expect((await listAccess(asB(), svc)).map((x) => x.id)).toEqual([r.id]);
        expect((await listAccess(officerC(), svc, { pending: true })).map((x) => x.id)).toEqual([r.id]);
        expect(await listAccess(person("analyst-C", "C", ["analyst"]), svc)).toEqual([]);
        await decideAccess(officerC(), svc, r.id, { approve: false, reason: "not proportionate" });
        expect(await listAccess(officerC(), svc, { pending: true })).toEqual([]);
        const listed = (await auditLog(h.store)).filter((x) => x.action === "access.list");
        expect(listed.map((x) => [x.actor, x.query, x.resultIds])).toEqual([
          ["user-B", "all", [r.id]], ["officer-C", "pending", [r.id]], ["analyst-C", "all", []], ["officer-C", "pending", []],
        ]);
      });

      it("shows the granted entity's withheld statements to the requester, and nothing else of that dataset", async () => {
        const r = await requestAccess(asB(), svc, { entityIds: ["e1"], dataset: "foreign", justification: "suspect in case TEST-1" });
        await decideAccess(officerC(), svc, r.id, { approve: true, reason: "proportionate" });
        const [view] = await viewEntities(asB(), svc, ["e1"]);
        expect(view?.statements.filter((s) => s.dataset === "foreign").length).toBeGreaterThan(0);
        expect(view?.withheld.filter((w) => w.dataset === "foreign")).toEqual([]);
        // The grant covers e1 only: another entity of the same dataset stays withheld.
        const [other] = await viewEntities(asB(), svc, ["e2"]);
        expect(other?.statements.filter((s) => s.dataset === "foreign") ?? []).toEqual([]);
      });
    });
  });
}
