import { describe, expect, it } from "vitest";
import { GENESIS, linkAudit, verifyAudit } from "./chain";
import type { AuditEntry, AuditRecord } from "./types";

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const e: AuditEntry = { at: `2026-01-01T00:00:0${seq % 10}Z`, actor: "u", agency: "A", purpose: "case:X", action: "view", query: `q${seq}`, resultIds: [`e${seq}`], recipients: [] };
    const hash = linkAudit(prev, seq, e);
    out.push({ ...e, seq, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

async function* batches(rs: AuditRecord[]): AsyncIterable<AuditRecord[]> {
  yield rs;
}

describe("audit hash chain", () => {
  it("verifies an intact chain", async () => {
    expect(await verifyAudit(batches(chain(5)))).toEqual({ ok: true, records: 5 });
  });
  it("detects an altered record", async () => {
    const c = chain(5);
    c[2] = { ...c[2]!, purpose: "case:OTHER" };
    expect((await verifyAudit(batches(c))).firstBad?.seq).toBe(3);
  });
  it("detects a deleted record", async () => {
    const c = chain(5);
    c.splice(1, 1);
    expect((await verifyAudit(batches(c))).ok).toBe(false);
  });
  it("detects an inserted record, even with a recomputed own hash", async () => {
    const c = chain(5);
    const fake: AuditEntry = { at: "x", actor: "intruder", agency: "A", purpose: "p", action: "view", query: "q", resultIds: [], recipients: [] };
    c.splice(2, 0, { ...fake, seq: 3, prevHash: c[1]!.hash, hash: linkAudit(c[1]!.hash, 3, fake) });
    expect((await verifyAudit(batches(c))).ok).toBe(false);
  });
  it("detects reordered records", async () => {
    const c = chain(5);
    [c[1], c[2]] = [c[2]!, c[1]!];
    expect((await verifyAudit(batches(c))).ok).toBe(false);
  });
  it("detects a changed result list", async () => {
    const c = chain(3);
    c[0] = { ...c[0]!, resultIds: [] };
    expect((await verifyAudit(batches(c))).firstBad?.seq).toBe(1);
  });
});

describe("audit anchors", () => {
  it("accepts a chain that still holds the anchored record", async () => {
    const c = chain(5);
    expect(await verifyAudit(batches(c), { seq: 3, hash: c[2]!.hash })).toEqual({ ok: true, records: 5 });
  });
  it("detects a truncated tail that the chain alone cannot", async () => {
    const c = chain(5);
    const anchor = { seq: 5, hash: c[4]!.hash };
    const cut = c.slice(0, 3);
    expect((await verifyAudit(batches(cut))).ok).toBe(true);
    expect((await verifyAudit(batches(cut), anchor)).firstBad?.seq).toBe(5);
  });
  it("detects a chain rebuilt with a different anchored record", async () => {
    const c = chain(5);
    expect((await verifyAudit(batches(c), { seq: 4, hash: "f".repeat(64) })).firstBad?.seq).toBe(4);
  });
});
