import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { linkAudit, verifyAudit } from "../audit/chain";
import type { AuditEntry } from "../audit/types";
import type { StorePort } from "../ports/store";
import type { JudgementRecord, ResolutionPort, ResolutionRun, ReviewPair } from "../ports/resolution";

const entry = (query: string): AuditEntry => ({ at: "2026-01-01T00:00:00.000Z", actor: "tester", agency: "A", purpose: "case:T", action: "merge", query, resultIds: [], recipients: [] });
const audited = (q: string) => ({ entries: [entry(q)], link: linkAudit });

const run = (id: string, view: string, startedAt = "2026-01-01T00:00:00.000Z"): ResolutionRun => ({
  id, view, actor: "tester", purpose: "case:T", startedAt, status: "running", params: "{}", counts: "{}", cursor: "started",
});

const judgement = (id: string, left: string, right: string, verdict: JudgementRecord["verdict"], at: string): JudgementRecord => ({
  id, left, right, verdict, actor: "analyst-1", agency: "A", purpose: "case:T", at, reason: `because ${id}`, basis: '[["police","GREEN"]]',
});

const pair = (id: string, left: string, right: string, matchWeight: number): ReviewPair => ({
  id, left, right, probability: 1 / (1 + 2 ** -matchWeight), matchWeight, explanation: JSON.stringify({ fields: [{ field: "name", weight: matchWeight }] }), status: "open",
});

/**
 * The contract every adapter of the resolution port passes (SQLite and PostgreSQL run the same
 * suite). `make` returns a fresh, empty, initialised store with a `resolution` port, and a
 * function opening a second handle on the same store.
 */
export function runResolutionContract(
  label: string,
  make: () => Promise<{ store: StorePort & { resolution: ResolutionPort }; reopen: () => Promise<StorePort & { resolution: ResolutionPort }> }>,
  opts: { skip?: string } = {},
): void {
  describe.skipIf(Boolean(opts.skip))(`resolution contract: ${label}${opts.skip ? ` (skipped: ${opts.skip})` : ""}`, () => {
    let store: StorePort & { resolution: ResolutionPort };
    let reopen: () => Promise<StorePort & { resolution: ResolutionPort }>;
    let er: ResolutionPort;

    beforeEach(async () => {
      ({ store, reopen } = await make());
      er = store.resolution;
    });
    afterEach(async () => { await store.close(); });

    it("keeps runs per view and replaces memberships and the queue atomically at commit", async () => {
      await er.startRun(run("r1", "v1"));
      await er.updateRun("r1", { cursor: "estimated", params: '{"model":1}' });
      expect((await er.listRuns("v1")).map((r) => [r.id, r.status, r.cursor, r.params])).toEqual([["r1", "running", "estimated", '{"model":1}']]);
      expect(await er.listRuns("v2")).toEqual([]);
      expect(await er.memberships("v1", {})).toEqual([]);
      await er.commitRun({
        run: { ...run("r1", "v1"), status: "finished", finishedAt: "2026-01-01T00:01:00.000Z", counts: '{"records":3}', cursor: "done" },
        memberships: [{ entityId: "e1", resolvedId: "R1", fingerprint: "f1" }, { entityId: "e2", resolvedId: "R1", fingerprint: "f2" }, { entityId: "e3", resolvedId: "R2", fingerprint: "f3" }],
        review: [pair("p1", "e1", "e3", 2.5), pair("p2", "e2", "e3", -0.5)],
        audit: audited("resolve v1"),
      });
      const other = await reopen();
      try {
        const runs = await other.resolution.listRuns("v1");
        expect(runs.map((r) => [r.status, r.finishedAt, r.counts])).toEqual([["finished", "2026-01-01T00:01:00.000Z", '{"records":3}']]);
        expect(await other.resolution.memberships("v1", { resolvedIds: ["R1"] })).toEqual([
          { entityId: "e1", resolvedId: "R1", fingerprint: "f1" }, { entityId: "e2", resolvedId: "R1", fingerprint: "f2" }]);
        expect((await other.resolution.memberships("v1", { entityIds: ["e3"] })).map((m) => m.resolvedId)).toEqual(["R2"]);
        expect(await other.resolution.memberships("v2", {})).toEqual([]);
        // Most uncertain (smallest |weight|) first.
        expect((await other.resolution.reviewQueue("v1", { limit: 10 })).map((p) => p.id)).toEqual(["p2", "p1"]);
        expect(await other.resolution.getReviewPair("v1", "p1")).toEqual(pair("p1", "e1", "e3", 2.5));
        expect(await other.resolution.getReviewPair("v2", "p1")).toBeUndefined();
      } finally {
        await other.close();
      }
      const chain = await verifyAudit(store.scanAudit(100));
      expect(chain).toMatchObject({ ok: true, records: 1 });

      // A second run replaces the view's state entirely.
      await er.startRun(run("r2", "v1", "2026-01-02T00:00:00.000Z"));
      await er.commitRun({
        run: { ...run("r2", "v1", "2026-01-02T00:00:00.000Z"), status: "finished", finishedAt: "2026-01-02T00:01:00.000Z" },
        memberships: [{ entityId: "e1", resolvedId: "R1", fingerprint: "f1" }], review: [], audit: audited("resolve v1 again"),
      });
      expect(await er.memberships("v1", {})).toEqual([{ entityId: "e1", resolvedId: "R1", fingerprint: "f1" }]);
      expect(await er.reviewQueue("v1", { limit: 10 })).toEqual([]);
    });

    it("forgets the memberships and queued pairs of entities removed by retention", async () => {
      await er.startRun(run("r1", "v1"));
      await er.commitRun({
        run: { ...run("r1", "v1"), status: "finished", finishedAt: "2026-01-01T00:01:00.000Z" },
        memberships: [{ entityId: "e1", resolvedId: "R1", fingerprint: "f1" }, { entityId: "e2", resolvedId: "R1", fingerprint: "f2" }, { entityId: "e3", resolvedId: "R2", fingerprint: "f3" }],
        review: [pair("p1", "e1", "e3", 2.5), pair("p2", "e2", "e3", -0.5)],
        audit: audited("resolve v1"),
      });
      expect(await er.forgetEntities(["e1", "nobody"])).toBe(2);
      expect((await er.memberships("v1", {})).map((m) => m.entityId)).toEqual(["e2", "e3"]);
      expect((await er.reviewQueue("v1", { limit: 10 })).map((p) => p.id)).toEqual(["p2"]);
      expect(await er.forgetEntities([])).toBe(0);
    });

    it("a run that is not committed changes nothing, and a run commits only once", async () => {
      await er.startRun(run("r1", "v1"));
      await er.commitRun({ run: { ...run("r1", "v1"), status: "finished" }, memberships: [{ entityId: "e1", resolvedId: "R1", fingerprint: "f" }], review: [], audit: audited("a") });
      await er.startRun(run("r2", "v1", "2026-01-02T00:00:00.000Z"));
      // r2 is left running (killed): the previous memberships stay.
      expect(await er.memberships("v1", {})).toEqual([{ entityId: "e1", resolvedId: "R1", fingerprint: "f" }]);
      await expect(er.commitRun({ run: { ...run("r1", "v1"), status: "finished" }, memberships: [], review: [], audit: audited("b") }))
        .rejects.toSatisfy((e: unknown) => isVizierError(e, "CONFLICT"));
      // The failed commit left memberships and the audit chain as they were.
      expect(await er.memberships("v1", {})).toHaveLength(1);
      expect((await verifyAudit(store.scanAudit(100))).records).toBe(1);
      await er.updateRun("r2", { status: "abandoned" });
      expect((await er.listRuns("v1")).map((r) => r.status)).toEqual(["finished", "abandoned"]);
    });

    it("keeps the judgement history, marks queued pairs judged and undoes judgements", async () => {
      await er.startRun(run("r1", "v1"));
      await er.commitRun({ run: { ...run("r1", "v1"), status: "finished" }, memberships: [], review: [pair("p1", "e1", "e2", 1)], audit: audited("a") });
      await er.addJudgement(judgement("j1", "e1", "e2", "reject", "2026-01-03T00:00:00.000Z"), audited("judge j1"));
      await er.addJudgement(judgement("j2", "e1", "e2", "confirm", "2026-01-04T00:00:00.000Z"), audited("judge j2"));
      await er.addJudgement(judgement("j3", "e3", "e4", "unsure", "2026-01-05T00:00:00.000Z"), audited("judge j3"));
      expect((await er.reviewQueue("v1", { limit: 10, status: "open" }))).toEqual([]);
      expect((await er.reviewQueue("v1", { limit: 10, status: "judged" })).map((p) => p.id)).toEqual(["p1"]);
      expect((await er.listJudgements({})).map((j) => j.id)).toEqual(["j1", "j2", "j3"]);
      expect((await er.listJudgements({ entityIds: ["e4"] })).map((j) => j.id)).toEqual(["j3"]);
      expect(await er.getJudgement("j1")).toEqual(judgement("j1", "e1", "e2", "reject", "2026-01-03T00:00:00.000Z"));

      const undone = await er.undoJudgement("j2", "analyst-2", "2026-01-06T00:00:00.000Z", audited("undo j2"));
      expect(undone).toMatchObject({ id: "j2", verdict: "confirm", undoneAt: "2026-01-06T00:00:00.000Z", undoneBy: "analyst-2" });
      expect(await er.getJudgement("j2")).toEqual(undone);
      await expect(er.undoJudgement("j2", "x", "2026-01-07T00:00:00.000Z", audited("again"))).rejects.toSatisfy((e: unknown) => isVizierError(e, "CONFLICT"));
      await expect(er.undoJudgement("nope", "x", "2026-01-07T00:00:00.000Z", audited("nope"))).rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
      expect(await er.getJudgement("nope")).toBeUndefined();
      // A duplicate id is refused and writes no audit record.
      const before = (await verifyAudit(store.scanAudit(100))).records;
      await expect(er.addJudgement(judgement("j1", "e5", "e6", "confirm", "2026-01-08T00:00:00.000Z"), audited("dup"))).rejects.toBeInstanceOf(Error);
      const after = await verifyAudit(store.scanAudit(100));
      expect(after).toMatchObject({ ok: true, records: before });
      expect(before).toBe(5);
    });

    it("pages the review queue", async () => {
      await er.startRun(run("r1", "v1"));
      const review = Array.from({ length: 7 }, (_, i) => pair(`p${i}`, `a${i}`, `b${i}`, i - 3.25));
      await er.commitRun({ run: { ...run("r1", "v1"), status: "finished" }, memberships: [], review, audit: audited("a") });
      const all = (await er.reviewQueue("v1", { limit: 100 })).map((p) => p.id);
      expect(all).toEqual(["p3", "p4", "p2", "p5", "p1", "p6", "p0"]);
      expect((await er.reviewQueue("v1", { limit: 2, offset: 2 })).map((p) => p.id)).toEqual(["p2", "p5"]);
    });
  });
}
