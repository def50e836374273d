import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { bundleMissing, files, tempDir, vizier, vizierAsync } from "../test/harness";

const MAPPING = `
query:
  entities:
    person:
      schema: Person
      keys: [id]
      properties:
        name: { column: name }
        birthDate: { column: dob }
        passportNumber: { column: passport }
`;

const FIRST = ["anna", "jan", "pieter", "maria", "sofie", "daan", "emma", "lucas", "noah", "julia", "sem", "tess"];
const LAST = ["jansen", "de vries", "bakker", "visser", "smit", "meijer", "mulder", "bos", "vos", "peters", "dekker", "brouwer"];
const row = (id: string, i: number, name?: string): string =>
  `${id},${name ?? `${FIRST[i % 12]} ${LAST[(i * 5 + 1) % 12]}`},${1950 + ((i * 7) % 40)}-0${1 + (i % 9)}-1${i % 9},P${100000 + i * 733}`;

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe.skipIf(Boolean(bundleMissing))("vizier resolve, review, judge, resolved", () => {
  it("resolves across two agencies, judges, undoes, and keeps ids stable", () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = `${dir}/store`;
    const police = ["id,name,dob,passport", row("p0", 0, "Jose Luis Gomez Arango"), ...Array.from({ length: 14 }, (_, i) => row(`p${i + 1}`, i + 1))].join("\n");
    const customs = ["id,name,dob,passport", row("c0", 0, "José Luis Gómez-Arango"), ...Array.from({ length: 8 }, (_, i) => row(`c${i + 1}`, i + 20))].join("\n");
    const f = files(dir, { "m.yml": MAPPING, "police.csv": police, "customs.csv": customs });
    const P = ["--db", db, "--purpose", "case:T-1"];
    expect(vizier(["init", "--db", db]).code).toBe(0);
    expect(vizier(["dataset", "create", "police", "--db", db]).code).toBe(0);
    expect(vizier(["dataset", "create", "customs", "--agency", "DOUANE", "--db", db]).code).toBe(0);
    expect(vizier(["ingest", f["police.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]).code).toBe(0);
    expect(vizier(["ingest", f["customs.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "customs", "--db", db]).code).toBe(0);

    expect(vizier(["resolve", "--db", db]).code).toBe(6); // no purpose
    expect(vizier(["resolve", ...P, "--threshold", "1.5"]).code).toBe(2);
    expect(vizier(["resolve", ...P, "--review-band", "0.9"]).code).toBe(2);
    const r = vizier(["resolve", ...P, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { records: number; merged: number };
    expect(summary.records).toBe(24);
    expect(summary.merged).toBeGreaterThanOrEqual(1);

    const hits = JSON.parse(vizier(["search", "gomez", ...P, "--json"]).stdout) as Array<{ entity: { id: string; datasets: string[] } }>;
    const pid = hits.find((h) => h.entity.datasets.includes("police"))!.entity.id;
    const cid = hits.find((h) => h.entity.datasets.includes("customs"))!.entity.id;
    const shown = JSON.parse(vizier(["resolved", "show", pid, ...P, "--json"]).stdout) as { id: string; members: Array<{ id: string }> };
    expect(shown.members.map((m) => m.id).sort()).toEqual([pid, cid].sort());
    expect(vizier(["resolved", "show", "rnope", ...P]).code).toBe(4);

    expect(vizier(["judge", pid, cid, "maybe", "--reason", "x", ...P]).code).toBe(2);
    expect(vizier(["judge", pid, cid, "reject", ...P]).code).toBe(2); // --reason is required
    const j = vizier(["judge", pid, cid, "reject", "--reason", "different fathers", ...P, "--json"]);
    expect(j.code, j.stderr).toBe(0);
    const jid = (JSON.parse(j.stdout) as { id: string }).id;
    expect(vizier(["resolve", ...P, "--quiet"]).code).toBe(0);
    const split = JSON.parse(vizier(["resolved", "show", pid, ...P, "--json"]).stdout) as { id: string; members: Array<{ id: string }> };
    expect(split.members.map((m) => m.id)).toEqual([pid]);
    const splitC = JSON.parse(vizier(["resolved", "show", cid, ...P, "--json"]).stdout) as { id: string };
    // Each side has one of the two former members: one of them keeps the resolved id, the other gets a new one.
    expect([split.id, splitC.id]).toContain(shown.id);
    expect(split.id).not.toBe(splitC.id);
    expect(vizier(["judge", "undo", jid, ...P]).code).toBe(0);
    expect(vizier(["judge", "undo", jid, ...P]).code).toBe(5);
    expect(vizier(["resolve", ...P, "--quiet"]).code).toBe(0);
    const back = JSON.parse(vizier(["resolved", "show", cid, ...P, "--json"]).stdout) as { id: string; members: Array<{ id: string }> };
    expect([split.id, splitC.id]).toContain(back.id);
    expect(back.members).toHaveLength(2);

    const queue = vizier(["review", "list", ...P, "--status", "all", "--json"]);
    expect(queue.code, queue.stderr).toBe(0);
    for (const item of JSON.parse(queue.stdout) as Array<{ pair: { id: string } }>) {
      const one = vizier(["review", "show", item.pair.id, ...P, "--json"]);
      expect(one.code).toBe(0);
      expect((JSON.parse(one.stdout) as { explanation: { fields: unknown[] } }).explanation.fields.length).toBeGreaterThan(0);
    }
    expect(vizier(["review", "show", "pnope", ...P]).code).toBe(4);
    const audit = vizier(["audit", "verify", "--db", db]);
    expect(audit.code, audit.stderr).toBe(0);
  });

  it("a run killed with kill -9 leaves the previous result, and the next run completes", async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = `${dir}/store`;
    const small = ["id,name,dob,passport", row("p0", 0, "Jose Luis Gomez Arango"), row("p1", 1), row("p2", 2)].join("\n");
    const big = ["id,name,dob,passport", ...Array.from({ length: 4000 }, (_, i) => row(`b${i}`, i + 3))].join("\n");
    const f = files(dir, { "m.yml": MAPPING, "small.csv": small, "big.csv": big });
    const P = ["--db", db, "--purpose", "case:T-1"];
    expect(vizier(["init", "--db", db]).code).toBe(0);
    expect(vizier(["dataset", "create", "police", "--db", db]).code).toBe(0);
    expect(vizier(["ingest", f["small.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]).code).toBe(0);
    expect(vizier(["resolve", ...P, "--quiet"]).code).toBe(0);
    const hits = JSON.parse(vizier(["search", "gomez", ...P, "--json"]).stdout) as Array<{ entity: { id: string } }>;
    const pid = hits[0]!.entity.id;
    const before = vizier(["resolved", "show", pid, ...P, "--json"]).stdout;
    expect(vizier(["ingest", f["big.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]).code).toBe(0);

    const child = vizierAsync(["resolve", ...P]);
    // Kill at the first progress line: the run is loading, nothing is written yet.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 20_000);
      child.stderr.on("data", (d: Buffer) => { if (/resolve/.test(d.toString())) { clearTimeout(timer); resolve(); } });
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(vizier(["resolved", "show", pid, ...P, "--json"]).stdout).toBe(before);
    expect(vizier(["audit", "verify", "--db", db]).code).toBe(0);
    const again = vizier(["resolve", ...P, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { records: number }).records).toBe(4003);
    expect(JSON.parse(vizier(["resolved", "show", pid, ...P, "--json"]).stdout)).toMatchObject({ id: (JSON.parse(before) as { id: string }).id });
  }, 180_000);
});
