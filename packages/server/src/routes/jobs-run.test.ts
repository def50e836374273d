import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobRunner } from "../jobs/runner";
import { E, makeFixture, type Fixture, type UserName } from "../test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

interface Job { id: string; kind: string; status: string; params?: Record<string, unknown>; progress: Record<string, unknown>; result: Record<string, unknown> | null; error: { code: string } | null }
const post = (u: UserName, path: string, body?: unknown) =>
  f.req(u, path, { method: "POST", ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }) });

async function finished(u: UserName, id: string): Promise<{ job: Job; text: string }> {
  await f.runner.idle();
  const r = await f.req(u, `/api/jobs/${id}`);
  const text = await r.text();
  expect(r.status, text).toBe(200);
  return { job: JSON.parse(text) as Job, text };
}

describe("POST /api/jobs/analytics", () => {
  it("ranks the whole readable network as a job; the result is stored with the job and audited", async () => {
    const before = (await f.svc.store.stats()).auditRecords;
    const r = await post("ann", "/api/jobs/analytics", { task: "metric", metric: "degree", top: 10 });
    expect(r.status).toBe(202);
    const queued = await r.json() as Job;
    expect(queued).toMatchObject({ kind: "analytics", status: "queued", params: { task: "metric", metric: "degree", top: 10 } });
    const { job, text } = await finished("ann", queued.id);
    expect(job.status, text).toBe("succeeded");
    const items = job.result!["items"] as Array<{ id: string; score: number }>;
    expect(items[0]).toMatchObject({ id: E.jan, score: 2 });
    expect(text).not.toContain(E.secret);
    expect(job.progress).toMatchObject({ stage: "compute", nodes: 3 });
    expect((await f.svc.store.stats()).auditRecords).toBeGreaterThan(before);
    // Someone else's job is not theirs to see.
    expect((await f.req("bob", `/api/jobs/${queued.id}`)).status).toBe(404);
  });

  it("runs as the submitter: a case member's job includes the compartment", async () => {
    const q = await (await post("ivo", "/api/jobs/analytics", { task: "communities", algorithm: "louvain", ids: [E.jan], hops: 1 })).json() as Job;
    const { job } = await finished("ivo", q.id);
    expect(job.status).toBe("succeeded");
    expect((job.result!["membership"] as Array<{ id: string }>).map((m) => m.id)).toContain(E.secret);
    expect(job.result).toMatchObject({ task: "communities", algorithm: "louvain", truncated: false });
  });

  it("refuses roles that do not analyse and bad requests", async () => {
    for (const u of ["cat", "pia"] as UserName[]) expect((await post(u, "/api/jobs/analytics", { task: "metric" })).status, u).toBe(403);
    expect((await post("ann", "/api/jobs/analytics", { task: "nope" })).status).toBe(422);
    expect((await post("ann", "/api/jobs/analytics", { task: "metric", ids: [E.jan], dataset: "police" })).status).toBe(400);
  });
});

describe("POST /api/jobs/resolve", () => {
  it("resolves the submitter's view as a job", async () => {
    const r = await post("ann", "/api/jobs/resolve", { incremental: false });
    expect(r.status).toBe(202);
    const q = await r.json() as Job;
    expect(q).toMatchObject({ kind: "resolve", params: { incremental: false } });
    const { job, text } = await finished("ann", q.id);
    expect(job.status, text).toBe("succeeded");
    expect(job.result).toMatchObject({ incremental: false });
    expect(Number(job.result!["records"])).toBeGreaterThan(0);
    const again = await (await post("ann", "/api/jobs/resolve")).json() as Job;
    expect((await finished("ann", again.id)).job.status).toBe("succeeded");
    expect((await post("ann", "/api/jobs/resolve", { band: [0.9, 0.1] })).status).toBe(400);
    expect((await post("cat", "/api/jobs/resolve", {})).status).toBe(403);
  });
});

describe("durability", () => {
  it("a queued analytics job survives a restart and can be cancelled while queued", async () => {
    await f.runner.stop();
    const down = await post("ann", "/api/jobs/analytics", { task: "metric", metric: "pagerank" });
    const waiting = await down.json() as Job;
    const toCancel = await (await post("ann", "/api/jobs/resolve", {})).json() as Job;
    const c = await f.req("ann", `/api/jobs/${toCancel.id}/cancel`, { method: "POST" });
    expect((await c.json() as Job).status).toBe("cancelled");
    const restarted = new JobRunner(f.svc, f.jobs, { uploadDir: join(f.dir, "uploads") });
    await restarted.start();
    await restarted.idle();
    expect(await f.jobs.getJob(waiting.id)).toMatchObject({ status: "succeeded", result: { metric: "pagerank" } });
    expect((await f.jobs.getJob(toCancel.id))?.status).toBe("cancelled");
    await restarted.stop();
  });
});
