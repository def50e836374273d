import { describe, expect, it } from "vitest";
import { inScope } from "./scope";
import { decide } from "./decide";
import { ctxFor, systemCtx, testDataset, TEST_SHARING } from "../testing/fixtures";
import { makeCtx, userActor } from "../context";
import { isVizierError } from "@vizier/model";

describe("policy decision point", () => {
  const own = testDataset("a-data", "A");
  const other = testDataset("c-data", "C");
  const compartment = testDataset("a-case", "A", { compartment: "case:OP-1" });

  it("lets the owner read everything, including owner-only handling", () => {
    const s = decide(ctxFor("A"), TEST_SHARING, [own]);
    expect(inScope(s, "a-data", "GREEN")).toBe(true);
    expect(inScope(s, "a-data", "RED")).toBe(true);
  });

  it("shares only what a rule allows, never owner-only codes", () => {
    const s = decide(ctxFor("B"), TEST_SHARING, [own, other]);
    expect(inScope(s, "a-data", "GREEN")).toBe(true);
    expect(inScope(s, "a-data", "RED")).toBe(false);
    expect(inScope(s, "c-data", "GREEN")).toBe(false);
  });

  it("honours the purpose and legal basis of a rule", () => {
    const cfg = { ...TEST_SHARING, rules: [{ from: "A", to: ["B"], legalBases: ["Wwft art. 16*"], purposes: ["case:*"] }] };
    const wwft = testDataset("fiu", "A", { legalBasis: "Wwft art. 16" });
    const other = testDataset("fiu-raw", "A", { legalBasis: "Wwft art. 12" });
    expect(inScope(decide(ctxFor("B"), cfg, [wwft]), "fiu", "GREEN")).toBe(true);
    expect(inScope(decide(makeCtx(userActor("u", "B", ["analyst"]), "purpose:strategic"), cfg, [wwft]), "fiu", "GREEN")).toBe(false);
    expect(inScope(decide(ctxFor("B"), cfg, [other]), "fiu-raw", "GREEN")).toBe(false);
  });

  it("keeps compartments to their case members, even for the owning agency", () => {
    expect(inScope(decide(ctxFor("A"), TEST_SHARING, [compartment]), "a-case", "GREEN")).toBe(false);
    expect(inScope(decide(ctxFor("A", ["case:OP-1"]), TEST_SHARING, [compartment]), "a-case", "GREEN")).toBe(true);
  });

  it("gives system actors everything and refuses a context without purpose", () => {
    expect(decide(systemCtx(), TEST_SHARING, []).all).toBe(true);
    try { makeCtx(userActor("u", "A", ["analyst"]), "  "); expect.unreachable(); } catch (e) { expect(isVizierError(e, "PURPOSE_REQUIRED")).toBe(true); }
  });
});
