import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixture, MAPPING, type Fixture, type UserName } from "../test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture({ limits: { maxUploadBytes: 64 * 1024 } }); });
afterAll(async () => { await f.close(); });

function upload(u: UserName, fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return f.req(u, "/api/jobs", { method: "POST", body: form });
}
interface Job { id: string; status: string; dataset: string; fileName: string; result: Record<string, unknown> | null; error: { code: string } | null }

describe("ingest jobs over HTTP", () => {
  it("uploads a file with its mapping, runs it, reports the outcome; the data becomes searchable", async () => {
    const r = await upload("ann", { file: new File(["id,name\n1,Wim Upload\n2,Second Row\n"], "upload.csv"), mapping: MAPPING, dataset: "police" });
    expect(r.status).toBe(202);
    const job = await r.json() as Job;
    expect(job).toMatchObject({ status: "queued", dataset: "police", fileName: "upload.csv" });
    expect(JSON.stringify(job)).not.toContain("uploads/");
    await f.runner.idle();
    const done = await (await f.req("ann", `/api/jobs/${job.id}`)).json() as Job;
    expect(done.status, JSON.stringify(done.error)).toBe("succeeded");
    expect(done.result).toMatchObject({ rowsRead: 2 });
    const hits = await (await f.req("ann", "/api/search?q=upload")).json() as { items: Array<{ entity: { properties: { name: string[] } } }> };
    expect(hits.items.map((h) => h.entity.properties.name[0])).toContain("Wim Upload");
    const list = await (await f.req("ann", "/api/jobs?status=succeeded")).json() as { items: Job[] };
    expect(list.items.map((j) => j.id)).toContain(job.id);
  });

  it("takes the mapping as a file part too", async () => {
    const r = await upload("ann", { file: new File(["id,name\n7,File Mapping\n"], "m.csv"), mapping: new File([MAPPING], "m.yml"), dataset: "police" });
    expect(r.status).toBe(202);
    await f.runner.idle();
    expect(((await (await f.req("ann", `/api/jobs/${(await r.json() as Job).id}`)).json()) as Job).status).toBe("succeeded");
  });

  it("reads a file without a header row with the column names given (columns), one with a title above the header (skipRows), and refuses bad values (422)", async () => {
    const r = await upload("ann", { file: new File(["8,Headerless Hanna\n9,Second Line\n"], "nohead.csv"), columns: "id, name", mapping: MAPPING, dataset: "police" });
    expect(r.status).toBe(202);
    await f.runner.idle();
    const done = await (await f.req("ann", `/api/jobs/${(await r.json() as Job).id}`)).json() as Job;
    expect(done.status, JSON.stringify(done.error)).toBe("succeeded");
    expect(done.result).toMatchObject({ rowsRead: 2, rowsOk: 2 });
    const bad = await upload("ann", { file: new File(["1,x\n"], "bad.csv"), columns: "id,,name", mapping: MAPPING, dataset: "police" });
    expect(bad.status).toBe(422);
    // A title line above the header (skipRows).
    const titled = await upload("ann", { file: new File(["Export 2026\nid,name\n10,Titled Tim\n"], "titled.csv"), skipRows: "1", mapping: MAPPING, dataset: "police" });
    expect(titled.status).toBe(202);
    await f.runner.idle();
    const t = await (await f.req("ann", `/api/jobs/${(await titled.json() as Job).id}`)).json() as Job;
    expect(t.status, JSON.stringify(t.error)).toBe("succeeded");
    expect(t.result).toMatchObject({ rowsRead: 1, rowsOk: 1 });
    expect((await upload("ann", { file: new File(["1\n"], "n.csv"), skipRows: "-1", mapping: MAPPING, dataset: "police" })).status).toBe(422);
  });

  it("shows a job only to its submitter", async () => {
    const job = await (await upload("ann", { file: new File(["id,name\n3,X\n"], "x.csv"), mapping: MAPPING, dataset: "police" })).json() as Job;
    await f.runner.idle();
    expect((await f.req("ivo", `/api/jobs/${job.id}`)).status).toBe(404);
    expect((await f.req("ivo", `/api/jobs/${job.id}/cancel`, { method: "POST" })).status).toBe(404);
    expect(((await (await f.req("ivo", "/api/jobs")).json()) as { items: Job[] }).items).toEqual([]);
  });

  it("refuses loading into another agency's dataset or a compartment you are not in (403), unknown datasets (404)", async () => {
    const file = () => new File(["id,name\n1,X\n"], "x.csv");
    expect((await upload("bob", { file: file(), mapping: MAPPING, dataset: "police" })).status).toBe(403);
    expect((await upload("ann", { file: file(), mapping: MAPPING, dataset: "secret" })).status).toBe(403);
    expect((await upload("cat", { file: file(), mapping: MAPPING, dataset: "police" })).status).toBe(403);
    expect((await upload("ann", { file: file(), mapping: MAPPING, dataset: "nope" })).status).toBe(404);
    expect((await upload("ivo", { file: file(), mapping: MAPPING, dataset: "secret" })).status).toBe(202);
    await f.runner.idle();
  });

  it("validates the form: missing file or dataset 422, bad dataset name 422, too large 413, not multipart 400/422", async () => {
    expect((await upload("ann", { mapping: MAPPING, dataset: "police" })).status).toBe(422);
    expect((await upload("ann", { file: new File(["x"], "x.csv") })).status).toBe(422);
    expect((await upload("ann", { file: new File(["x"], "x.csv"), dataset: "../etc" })).status).toBe(422);
    expect((await upload("ann", { file: new File(["x"], "x.csv"), dataset: "police", format: "exe" })).status).toBe(422);
    const big = await upload("ann", { file: new File([new Uint8Array(100 * 1024)], "big.csv"), dataset: "police" });
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toBe("application/problem+json");
    const json = await f.req("ann", "/api/jobs", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect([400, 415, 422]).toContain(json.status);
  });

  it("cancelling a finished job is a conflict (409)", async () => {
    const job = await (await upload("ann", { file: new File(["id,name\n5,Y\n"], "y.csv"), mapping: MAPPING, dataset: "police" })).json() as Job;
    await f.runner.idle();
    const r = await f.req("ann", `/api/jobs/${job.id}/cancel`, { method: "POST" });
    expect(r.status).toBe(409);
  });
});
