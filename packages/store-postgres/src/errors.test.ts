import { describe, expect, it } from "vitest";
import { VizierError } from "@vizier/model";
import { storeError } from "./errors";

const pgErr = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("storeError", () => {
  it("maps lost connections, shutdowns, full disks and read-only servers to STORE_UNAVAILABLE", () => {
    for (const e of [pgErr("57P01"), pgErr("08006"), pgErr("53100"), pgErr("25006"), pgErr("3D000"), pgErr("ECONNREFUSED"), new Error("Connection terminated unexpectedly")]) {
      expect(storeError(e, "testing").code).toBe("STORE_UNAVAILABLE");
    }
  });

  it("maps other driver errors to INTERNAL and keeps VizierErrors as they are", () => {
    expect(storeError(pgErr("42601", "syntax error"), "testing").code).toBe("INTERNAL");
    expect(storeError(pgErr("23505"), "testing").code).toBe("INTERNAL");
    const v = new VizierError("NOT_FOUND", "nope");
    expect(storeError(v, "testing")).toBe(v);
  });
});
