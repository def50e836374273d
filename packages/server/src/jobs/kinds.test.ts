import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCtx, userActor } from "@vizier/core";
import { isVizierError } from "@vizier/model";
import { E, makeFixture, type Fixture } from "../test/fixture";
import { runAnalytics, runResolve } from "./kinds";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });
const ann = makeCtx(userActor("ann", "A", ["analyst"]), "case:TEST-1");
const live = () => new AbortController().signal;
const aborted = () => { const c = new AbortController(); c.abort(); return c.signal; };

describe("job kinds", () => {
  it("a cancelled resolution run stops at its first progress report", async () => {
    await expect(runResolve(ann, f.svc, { incremental: false }, aborted(), {})).rejects.toSatisfy((e: unknown) => isVizierError(e, "CANCELLED"));
    const progress: Record<string, unknown> = {};
    const done = await runResolve(ann, f.svc, { incremental: false }, live(), progress);
    expect(done["records"]).toBeGreaterThan(0);
    expect(progress["stage"]).toBeDefined();
  });

  it("a cancelled analytics job stops while loading; a live one ranks within the scope", async () => {
    await expect(runAnalytics(ann, f.svc, { task: "metric", metric: "degree", top: 5 }, 1000, aborted(), {})).rejects.toSatisfy((e: unknown) => isVizierError(e, "CANCELLED"));
    const r = await runAnalytics(ann, f.svc, { task: "metric", metric: "degree", top: 5 }, 1000, live(), {});
    expect((r["items"] as Array<{ id: string }>)[0]!.id).toBe(E.jan);
    await expect(runAnalytics(ann, f.svc, { task: "communities", top: 5 }, 2, live(), {})).rejects.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT"));
  });
});
