import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { makeEntityId } from "@vizier/model";
import { bundleMissing, files, tempDir, vizier } from "../test/harness";

const CSV = "id,name\n1,Jan Jansen\n";
const MAPPING = "query:\n  entities:\n    person:\n      schema: Person\n      keys: [id]\n      properties:\n        name: { column: name }\n";

describe.skipIf(Boolean(bundleMissing))("vizier access", () => {
  let db: string;
  const fiodEntity = makeEntityId("fiod-cases", ["1"]);
  const ownEntity = makeEntityId("police", ["1"]);
  const run = (...args: string[]) => vizier([...args, "--db", db]);

  beforeEach(() => {
    const dir = tempDir();
    db = join(dir, "store");
    const f = files(dir, { "p.csv": CSV, "m.yml": MAPPING });
    expect(run("init").code).toBe(0);
    // FIOD data with an owner-only handling code: withheld from the (POLITIE) CLI user.
    expect(run("dataset", "create", "fiod-cases", "--agency", "FIOD", "--handling", "RED").code).toBe(0);
    expect(run("dataset", "create", "police").code).toBe(0);
    for (const ds of ["fiod-cases", "police"]) expect(run("ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", ds, "--quiet").code).toBe(0);
  });

  it("files a request for withheld statements, bound to the purpose, and lists it", () => {
    expect(run("access", "request", fiodEntity, "--dataset", "fiod-cases", "--justification", "suspect in case X-1").code).toBe(6);
    const notWithheld = run("access", "request", ownEntity, "--dataset", "police", "--justification", "suspect in case X-1", "--purpose", "case:X-1");
    expect([notWithheld.code, notWithheld.stderr]).toEqual([2, expect.stringContaining("INVALID_ARGUMENT")]);
    const r = run("access", "request", fiodEntity, "--dataset", "fiod-cases", "--justification", "suspect in case X-1", "--purpose", "case:X-1", "--json");
    expect(r.code, r.stderr).toBe(0);
    const req = JSON.parse(r.stdout) as { id: string; owner: string; status: string; purpose: string; entityIds: string[] };
    expect(req).toMatchObject({ owner: "FIOD", status: "pending", purpose: "case:X-1", entityIds: [fiodEntity] });
    const list = JSON.parse(run("access", "list", "--pending", "--json").stdout) as Array<{ id: string }>;
    expect(list.map((x) => x.id)).toEqual([req.id]);
    const audit = JSON.parse(run("audit", "query", "--action", "access.request", "--json").stdout) as Array<{ resultIds: string[]; recipients: string[] }>;
    expect(audit).toMatchObject([{ resultIds: [fiodEntity], recipients: ["FIOD"] }]);
  });

  it("lets only the owning agency decide, and checks the decision's arguments", () => {
    const r = run("access", "request", fiodEntity, "--dataset", "fiod-cases", "--justification", "suspect in case X-1", "--purpose", "case:X-1", "--json");
    const { id } = JSON.parse(r.stdout) as { id: string };
    expect(run("access", "decide", id, "approve", "--reason", "proportionate").code).toBe(6);
    expect(run("access", "decide", id, "maybe", "--reason", "proportionate").code).toBe(2);
    expect(run("access", "decide", "ar-000000000000", "approve", "--reason", "proportionate").code).toBe(4);
    expect(run("access", "decide", id, "approve").code).toBe(2);
    expect(JSON.parse(run("access", "list", "--json").stdout)).toMatchObject([{ id, status: "pending" }]);
  });

  it("lets a privacy officer of the owning agency approve until a date, audited", () => {
    const { id } = JSON.parse(run("access", "request", fiodEntity, "--dataset", "fiod-cases", "--justification", "suspect in case X-1", "--purpose", "case:X-1", "--json").stdout) as { id: string };
    expect(run("user", "add", "fiod-po", "--agency", "FIOD", "--roles", "privacy_officer").code).toBe(0);
    expect(run("user", "add", "fiod-analyst", "--agency", "FIOD", "--roles", "analyst").code).toBe(0);
    expect(JSON.parse(run("access", "list", "--pending", "--as", "fiod-po", "--json").stdout)).toMatchObject([{ id, requester: "admin" }]);
    expect(JSON.parse(run("access", "list", "--as", "fiod-analyst", "--json").stdout)).toEqual([]);
    expect(run("access", "decide", id, "approve", "--reason", "proportionate", "--as", "fiod-analyst").code).toBe(6);
    expect(run("access", "decide", id, "approve", "--reason", "proportionate", "--until", "2000-01-01", "--as", "fiod-po").code).toBe(2);
    const d = run("access", "decide", id, "approve", "--reason", "proportionate", "--until", "2099-12-31", "--as", "fiod-po", "--json");
    expect(d.code, d.stderr).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ status: "approved", decidedBy: "fiod-po", until: "2099-12-31T23:59:59.999Z" });
    expect(run("access", "decide", id, "refuse", "--reason", "changed my mind", "--as", "fiod-po").code).toBe(5);
    // The grant: the requester now reads that entity of that dataset, for that purpose only.
    const exported = (purpose: string) => run("export", "--dataset", "fiod-cases", "--purpose", purpose).stdout.trim();
    expect(exported("case:X-1")).toContain(fiodEntity);
    expect(exported("case:OTHER")).toBe("");
    const log = JSON.parse(run("audit", "query", "--action", "access.*", "--json").stdout) as Array<{ action: string; actor: string }>;
    expect(log.map((r) => [r.action, r.actor])).toEqual([
      ["access.request", "admin"], ["access.list", "fiod-po"], ["access.list", "fiod-analyst"], ["access.decide", "fiod-po"],
    ]);
    expect(run("audit", "verify").code).toBe(0);
  });
});
