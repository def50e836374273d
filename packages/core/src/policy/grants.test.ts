import { describe, expect, it } from "vitest";
import { makeCtx, userActor } from "../context";
import { ctxFor, TEST_SHARING, testDataset } from "../testing/fixtures";
import { decide } from "./decide";
import type { Grant } from "./grants";
import { inScope, scopeAllows, scopeGrantPairs } from "./scope";

describe("grants in the policy decision point", () => {
  const foreign = testDataset("c-data", "C");
  const caseData = testDataset("c-case", "C", { compartment: "case:OP-9" });
  const grant = (extra: Partial<Grant> = {}): Grant => ({
    requestId: "ar-1", requester: "user-B", dataset: "c-data", entityIds: ["e1"], purpose: "case:TEST-1", ...extra,
  });

  it("lets the requester read exactly the granted entities of the granted dataset, any handling code", () => {
    const s = decide(ctxFor("B"), TEST_SHARING, [foreign, caseData], [grant()]);
    expect(scopeAllows(s, "c-data", "GREEN", "e1")).toBe(true);
    expect(scopeAllows(s, "c-data", "RED", "e1")).toBe(true);
    expect(scopeAllows(s, "c-data", "GREEN", "e2")).toBe(false);
    expect(scopeAllows(s, "c-case", "GREEN", "e1")).toBe(false);
    expect(inScope(s, "c-data", "GREEN")).toBe(false);
    expect(scopeGrantPairs(s)).toEqual([["c-data", "e1"]]);
  });

  it("ignores grants for another actor, another purpose, an unknown dataset or after expiry", () => {
    const now = ctxFor("B").now();
    const cases: Grant[] = [
      grant({ requester: "someone-else" }),
      grant({ purpose: "case:OTHER" }),
      grant({ dataset: "nope" }),
      grant({ until: new Date(now.getTime() - 1).toISOString() }),
    ];
    for (const g of cases) expect(scopeAllows(decide(ctxFor("B"), TEST_SHARING, [foreign], [g]), "c-data", "GREEN", "e1")).toBe(false);
    const other = makeCtx(userActor("user-B", "B", ["analyst"]), "purpose:strategic", () => now);
    expect(scopeAllows(decide(other, TEST_SHARING, [foreign], [grant()]), "c-data", "GREEN", "e1")).toBe(false);
  });

  it("keeps a grant valid up to and including its end moment", () => {
    const now = ctxFor("B").now();
    const s = decide(ctxFor("B"), TEST_SHARING, [foreign], [grant({ until: now.toISOString() })]);
    expect(scopeAllows(s, "c-data", "GREEN", "e1")).toBe(true);
  });

  it("opens a compartment only for the granted entity", () => {
    const s = decide(ctxFor("B"), TEST_SHARING, [caseData], [grant({ dataset: "c-case" })]);
    expect(scopeAllows(s, "c-case", "GREEN", "e1")).toBe(true);
    expect(scopeAllows(s, "c-case", "GREEN", "e2")).toBe(false);
  });
});
