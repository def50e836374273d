import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultModel, isVizierError } from "@vizier/model";
import { makeCtx, userActor, type Ctx, type Role } from "../context";
import { TEST_SHARING } from "../testing/fixtures";
import type { StorePort } from "../ports/store";
import type { Services } from "../services";
import { anchorAudit } from "./anchor";
import { AuditBatcher, withAuditBatching } from "./batcher";
import { audit, linkAudit, verifyAudit } from "./chain";
import { queryAudit, type AuditFilter } from "./query";
import type { AuditAction, AuditEntry, AuditRecord } from "./types";

/**
 * Raw access to a store's audit table, bypassing Vizier — what someone editing the store's file or
 * tables directly can do. `run` executes literal SQL (PostgreSQL: with the append-only triggers
 * disabled, as a superuser could); `array` renders a list of ids as that store's column literal.
 */
export interface AuditTamper {
  run(sql: string): Promise<void>;
  array(ids: readonly string[]): string;
  close(): Promise<void>;
}

const at = (minute: number) => `2026-06-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: at(i), actor: i % 2 ? "anna" : "bram", agency: i % 2 ? "A" : "B", purpose: i % 3 ? "case:OP-1" : "purpose:strategic",
  action: (i % 2 ? "view" : "search") as AuditAction, query: i % 2 ? `e${i}` : `name ${i}`, resultIds: [`e${i}`, "e-common"], recipients: [], ...over,
});
const officer = (roles: Role[] = ["privacy_officer"]): Ctx => makeCtx(userActor("po", "A", roles), "purpose:oversight", () => new Date(at(59)));
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function all(store: StorePort): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for await (const b of store.scanAudit(3)) out.push(...b);
  return out;
}

async function collect(it: AsyncIterable<AuditRecord>): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

/**
 * Audit safeguards on a real store: queries by the privacy officer, anchors, and every kind of
 * tampering done directly in the store's file or tables (altered field, deleted, inserted and
 * reordered records, truncated tail, rewritten chain) — each caught by `verifyAudit`.
 */
export function runAuditSafeguardsContract(
  label: string, make: () => Promise<{ store: StorePort; tamper: () => Promise<AuditTamper> }>, opts: { skip?: string } = {},
): void {
  describe.skipIf(Boolean(opts.skip))(`audit safeguards: ${label}${opts.skip ? ` (skipped: ${opts.skip})` : ""}`, () => {
    let store: StorePort;
    let tamper: AuditTamper;
    let svc: Services;
    const verify = (anchor?: { seq: number; hash: string }) => verifyAudit(store.scanAudit(2), anchor);

    beforeEach(async () => {
      let t: () => Promise<AuditTamper>;
      ({ store, tamper: t } = await make());
      for (let i = 1; i <= 6; i++) await audit(store, [entry(i)]);
      tamper = await t();
      svc = { store, model: defaultModel(), sharing: TEST_SHARING };
      expect(await verify()).toEqual({ ok: true, records: 6 });
    });
    afterEach(async () => {
      await tamper.close();
      await store.close();
    });

    describe("tampering in the store itself", () => {
      it("catches an altered field", async () => {
        await tamper.run("UPDATE audit SET purpose = 'case:INNOCENT' WHERE seq = 3");
        expect((await verify()).firstBad).toMatchObject({ seq: 3 });
      });

      it("catches an altered result list", async () => {
        await tamper.run(`UPDATE audit SET result_ids = ${tamper.array(["e-other"])} WHERE seq = 4`);
        expect((await verify()).firstBad).toMatchObject({ seq: 4 });
      });

      it("catches a deleted record in the middle", async () => {
        await tamper.run("DELETE FROM audit WHERE seq = 3");
        expect((await verify()).firstBad).toMatchObject({ seq: 4 });
      });

      it("catches an inserted record, even one chained to its predecessor", async () => {
        const before = await all(store);
        const fake = entry(99, { actor: "intruder" });
        const hash = linkAudit(before[1]!.hash, 3, fake);
        for (let s = 6; s >= 3; s--) await tamper.run(`UPDATE audit SET seq = ${s + 1} WHERE seq = ${s}`);
        await tamper.run(`INSERT INTO audit (seq, at, actor, agency, purpose, action, query, result_ids, recipients, prev_hash, hash) VALUES
          (3, ${q(fake.at)}, ${q(fake.actor)}, ${q(fake.agency)}, ${q(fake.purpose)}, ${q(fake.action)}, ${q(fake.query)},
           ${tamper.array(fake.resultIds)}, ${tamper.array([])}, ${q(before[1]!.hash)}, ${q(hash)})`);
        const v = await verify();
        expect(v.ok).toBe(false);
        expect(v.firstBad?.seq).toBe(4);
      });

      it("catches reordered records", async () => {
        await tamper.run("UPDATE audit SET seq = 100 WHERE seq = 2");
        await tamper.run("UPDATE audit SET seq = 2 WHERE seq = 3");
        await tamper.run("UPDATE audit SET seq = 3 WHERE seq = 100");
        expect((await verify()).firstBad).toMatchObject({ seq: 2 });
      });

      it("catches a truncated tail only with an anchor kept outside the store", async () => {
        const anchor = await anchorAudit(officer(), svc);
        expect(anchor.seq).toBe(7);
        expect(await verify(anchor)).toEqual({ ok: true, records: 7 });
        await audit(store, [entry(8)]);
        await tamper.run("DELETE FROM audit WHERE seq >= 6");
        expect((await verify()).ok).toBe(true); // the chain alone cannot tell
        const v = await verify(anchor);
        expect(v.ok).toBe(false);
        expect(v.firstBad?.seq).toBe(7);
      });

      it("catches a chain rewritten consistently after an edit, given an anchor", async () => {
        const anchor = await anchorAudit(officer(), svc);
        const recs = await all(store);
        let prev = recs[0]!.hash;
        for (const r of recs.slice(1)) {
          const e: AuditEntry = { ...r, purpose: r.seq === 2 ? "case:INNOCENT" : r.purpose };
          const hash = linkAudit(prev, r.seq, e);
          await tamper.run(`UPDATE audit SET purpose = ${q(e.purpose)}, prev_hash = ${q(prev)}, hash = ${q(hash)} WHERE seq = ${r.seq}`);
          prev = hash;
        }
        expect((await verify()).ok).toBe(true); // consistent forgery: only the anchor exposes it
        expect((await verify(anchor)).firstBad).toMatchObject({ seq: anchor.seq });
      });
    });

    describe("anchors", () => {
      it("are taken only on an intact chain, by admins and privacy officers, and are themselves audited", async () => {
        await expect(anchorAudit(officer(["analyst"]), svc)).rejects.toSatisfy((e: unknown) => isVizierError(e, "FORBIDDEN"));
        const a = await anchorAudit(officer(["admin"]), svc);
        expect(a).toMatchObject({ seq: 7, store: store.location });
        expect((await all(store)).at(-1)).toMatchObject({ seq: 7, action: "audit.anchor", hash: a.hash, actor: "po" });
        await tamper.run("UPDATE audit SET actor = 'x' WHERE seq = 1");
        await expect(anchorAudit(officer(), svc)).rejects.toSatisfy((e: unknown) => isVizierError(e, "AUDIT_TAMPERED"));
      });
    });

    describe("group commit", () => {
      it("chains concurrent appends in shared transactions, each caller getting its own consecutive records", async () => {
        const batched = withAuditBatching(store, 50);
        expect(batched.location).toBe(store.location);
        expect(await batched.listDatasets()).toEqual(await store.listDatasets());
        const calls = Array.from({ length: 120 }, (_, i) => [entry(100 + i), ...(i % 3 === 0 ? [entry(500 + i)] : [])]);
        const results = await Promise.all(calls.map((c) => audit(batched, c)));
        results.forEach((recs, i) => {
          expect(recs.map((r) => r.query)).toEqual(calls[i]!.map((e) => e.query));
          if (recs.length === 2) expect(recs[1]!.seq).toBe(recs[0]!.seq + 1);
        });
        const seqs = results.flat().map((r) => r.seq).sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => 7 + i));
        expect(await verify()).toEqual({ ok: true, records: 6 + seqs.length });
      });

      it("writes an idle caller at once and gathers the callers that wait behind it", async () => {
        let commits = 0;
        const counted = { appendAudit: (e: readonly AuditEntry[], l: typeof linkAudit) => { commits++; return store.appendAudit(e, l); } };
        const b = new AuditBatcher(counted);
        await Promise.all(Array.from({ length: 40 }, (_, i) => b.appendAudit([entry(200 + i)], linkAudit)));
        expect(commits).toBe(2);
        expect((await verify()).records).toBe(46);
      });

      it("fails every caller of a failed transaction, so none of their reads proceed unaudited", async () => {
        const batched = withAuditBatching(store);
        await store.close();
        const results = await Promise.allSettled([audit(batched, [entry(7)]), audit(batched, [entry(8)])]);
        expect(results.map((r) => r.status === "rejected" && isVizierError(r.reason, "AUDIT_FAILED"))).toEqual([true, true]);
      });
    });

    describe("queries", () => {
      const ask = (f: AuditFilter, ctx = officer()) => collect(queryAudit(ctx, svc, f));

      it("answers who consulted an entity, when and why, and records that it was asked", async () => {
        const hits = await ask({ entity: "e3" });
        expect(hits.map((r) => [r.seq, r.actor, r.purpose, r.at])).toEqual([[3, "anna", "purpose:strategic", at(3)]]);
        expect((await ask({ entity: "e-common" })).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
        expect((await ask({ entity: "e3" })).map((r) => [r.seq, r.action])).toEqual([[3, "view"], [7, "audit.query"]]);
        const log = await all(store);
        expect(log.slice(-3).map((r) => [r.action, r.actor, r.query, r.resultIds])).toEqual([
          ["audit.query", "po", "entity=e3", ["e3"]], ["audit.query", "po", "entity=e-common", ["e-common"]], ["audit.query", "po", "entity=e3", ["e3"]],
        ]);
        expect((await verify()).ok).toBe(true);
      });

      it("filters by actor, agency, purpose and action (globs) and by time range", async () => {
        expect((await ask({ actor: "bram" })).map((r) => r.seq)).toEqual([2, 4, 6]);
        expect((await ask({ agency: "A", action: "view" })).map((r) => r.seq)).toEqual([1, 3, 5]);
        expect((await ask({ purpose: "purpose:*", action: "search" })).map((r) => r.seq)).toEqual([6]);
        expect((await ask({ since: at(2), until: at(4), entity: "e-common" })).map((r) => r.seq)).toEqual([2, 3, 4]);
        expect((await ask({ until: "2026-05-31" })).map((r) => r.seq)).toEqual([]);
        expect((await ask({ since: "2026-06-01", until: "2026-06-01", actor: "anna" })).map((r) => r.seq)).toEqual([1, 3, 5]);
      });

      it("is for admins and privacy officers only, and refuses malformed filters", async () => {
        await expect(ask({}, officer(["analyst", "investigator", "liaison"]))).rejects.toSatisfy((e: unknown) => isVizierError(e, "FORBIDDEN"));
        await expect(ask({ since: "yesterday" })).rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
        await expect(ask({ since: at(5), until: at(1) })).rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
        expect(await all(store)).toHaveLength(6);
      });
    });
  });
}
