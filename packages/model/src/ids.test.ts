import { describe, expect, it } from "vitest";
import { makeEntityId, makeStatementId } from "./ids";

// Ids are stored; a change here re-keys every entity already ingested. The expected values are
// SHA-1 of the joined text as coreutils computes it (printf 'bench\x1f1' | sha1sum).
describe("deterministic ids", () => {
  it("entity ids are SHA-1 of dataset and key parts joined by U+001F", () => {
    expect(makeEntityId("bench", ["1"])).toBe("72b3ea32017576636aa55389d89bc40e7de8c8c3");
    expect(makeEntityId("kvk", ["12345678", "director"])).toBe("37f9d0ae6e06d086f0f86c90072045b0ea22a3a8");
    expect(makeEntityId("fiod", ["José Gómez", ""])).toBe("5d9c73f721f7b356f5882e5237813aa4ce5a27c8");
  });

  it("statement ids are SHA-1 of dataset, entity, property and value", () => {
    expect(makeStatementId("e1", "name", "Jan", "bench")).toBe("b4924fc69e22b8224408d117d0d550be1062d0f3");
  });
});
