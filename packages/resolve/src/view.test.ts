import { describe, expect, it } from "vitest";
import { decide, type Grant } from "@vizier/core";
import { ctxFor, systemCtx, TEST_SHARING, testDataset } from "@vizier/core/testing";
import { basisWithin, viewOf } from "./view";

const datasets = [testDataset("police", "A"), testDataset("customs", "B"), testDataset("foreign", "C")];

describe("views", () => {
  it("one view per set of readable data; a judgement's basis applies only where at least as much is readable", () => {
    const a = viewOf(decide(ctxFor("A"), TEST_SHARING, datasets));
    const b = viewOf(decide(ctxFor("B"), TEST_SHARING, datasets));
    const sys = viewOf(decide(systemCtx(), TEST_SHARING, datasets));
    expect(a.key).not.toBe(b.key);
    expect(viewOf(decide(ctxFor("A"), TEST_SHARING, datasets)).key).toBe(a.key);
    expect(sys.basis).toBe("*");
    // A reads police (GREEN and RED); B reads customs and police GREEN only (RED never leaves A).
    expect(basisWithin(a.basis, b.basis)).toBe(false);
    expect(basisWithin(b.basis, a.basis)).toBe(false);
    expect(basisWithin(JSON.stringify([["h", "police", "GREEN"]]), JSON.stringify([["h", "customs", "GREEN"], ["h", "police", "GREEN"]]))).toBe(true);
    expect(basisWithin(a.basis, sys.basis)).toBe(true);
    expect(basisWithin(b.basis, sys.basis)).toBe(true);
    expect(basisWithin(sys.basis, b.basis)).toBe(false);
  });

  it("access-request grants are part of the view", () => {
    const plain = decide(ctxFor("A"), TEST_SHARING, datasets);
    const grant: Grant = { requestId: "q1", requester: "user-A", dataset: "customs", entityIds: ["b1"], purpose: "case:TEST-1" };
    const granted = decide(ctxFor("A"), TEST_SHARING, datasets, [grant]);
    expect(granted.grants.get("customs")?.has("b1")).toBe(true);
    expect(viewOf(granted).key).not.toBe(viewOf(plain).key);
    expect(basisWithin(viewOf(plain).basis, viewOf(granted).basis)).toBe(true);
    expect(basisWithin(viewOf(granted).basis, viewOf(plain).basis)).toBe(false);
  });
});
