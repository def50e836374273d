import { describe, expect, it } from "vitest";
import { parseIds, splitRequests, type AccessRequest } from "./model";

const req = (id: string, requester: string, owner: string, status: AccessRequest["status"]): AccessRequest => ({
  id, requester, requesterAgency: "X", entityIds: ["e"], dataset: "d", owner, purpose: "p", justification: "j", status, createdAt: "2026-01-01",
});
const items = [req("1", "ann", "FIOD", "pending"), req("2", "bob", "FIOD", "pending"), req("3", "bob", "FIOD", "approved"), req("4", "bob", "KMAR", "pending")];

describe("access requests inbox", () => {
  it("a privacy officer decides pending requests to their agency, never their own", () => {
    const s = splitRequests(items, { id: "ann", agency: "FIOD", roles: ["privacy_officer"] });
    expect(s.toDecide.map((r) => r.id)).toEqual(["2"]);
    expect(s.decided.map((r) => r.id)).toEqual(["3"]);
    expect(s.mine.map((r) => r.id)).toEqual(["1"]);
  });
  it("an analyst decides nothing", () => {
    const s = splitRequests(items, { id: "carl", agency: "FIOD", roles: ["analyst"] });
    expect(s.toDecide).toEqual([]);
    expect(s.decider).toBe(false);
  });
  it("parses id lists", () => {
    expect(parseIds(" a, b\nc,,a ")).toEqual(["a", "b", "c"]);
  });
});
