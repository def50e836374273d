import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleMissing, files, PERSON_MAPPING, stats, tempDir, vizier, vizierAsync } from "./test/harness";

/** Writes a person CSV of n rows (streamed, so large files stay cheap to make). */
async function personCsv(path: string, n: number): Promise<void> {
  const ws = createWriteStream(path);
  ws.write("id,name,dob,iban\n");
  for (let i = 0; i < n; i += 1000) {
    let chunk = "";
    for (let j = i; j < Math.min(n, i + 1000); j++) chunk += `${j},Person ${j},1980-01-${String((j % 28) + 1).padStart(2, "0")},NL91ABNA0417164300\n`;
    if (!ws.write(chunk)) await new Promise<void>((r) => ws.once("drain", () => r()));
  }
  await new Promise<void>((r) => ws.end(() => r()));
}

const isRoot = process.getuid?.() === 0;
const canMount = isRoot && (() => {
  const d = tempDir("vizier-mnt-probe-");
  const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", d]).status === 0;
  if (ok) spawnSync("umount", [d]);
  return ok;
})();

describe.skipIf(Boolean(bundleMissing))("ingest failures leave the store as it was", () => {
  const mounts: string[] = [];
  afterAll(() => { for (const m of mounts) spawnSync("umount", ["-l", m]); });

  it("survives kill -9 halfway through an ingest, and the same command then succeeds", async () => {
    const dir = tempDir();
    const db = join(dir, "store");
    const f = files(dir, { "m.yml": PERSON_MAPPING, "small.csv": "id,name,dob,iban\n1,Jan,1980-01-01,NL91ABNA0417164300\n" });
    vizier(["init", "--db", db]);
    vizier(["dataset", "create", "police", "--db", db]);
    vizier(["ingest", f["small.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    const before = stats(db);
    const big = join(dir, "big.csv");
    await personCsv(big, 400_000);
    const child = vizierAsync(["ingest", big, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    // Kill once progress shows rows being processed (first progress line on a non-terminal).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 20_000);
      child.stderr.on("data", (d: Buffer) => { if (/rows/.test(d.toString())) { clearTimeout(timer); resolve(); } });
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(stats(db)).toEqual(before);
    expect(vizier(["audit", "verify", "--db", db]).code).toBe(0);
    const again = vizier(["ingest", f["small.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    expect(again.code, again.stderr).toBe(0);
  }, 180_000);

  it.skipIf(!canMount)("reports a full disk clearly and keeps what was stored", async () => {
    const mnt = tempDir("vizier-full-");
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", mnt]).status).toBe(0);
    mounts.push(mnt);
    const dir = tempDir();
    const db = join(mnt, "store");
    const f = files(dir, { "m.yml": PERSON_MAPPING, "small.csv": "id,name,dob,iban\n1,Jan,1980-01-01,NL91ABNA0417164300\n" });
    expect(vizier(["init", "--db", db]).code).toBe(0);
    vizier(["dataset", "create", "police", "--db", db]);
    vizier(["ingest", f["small.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    const before = stats(db);
    const big = join(dir, "big.csv");
    await personCsv(big, 60_000);
    // TEMP tables live in the system temp dir; point it into the small disk too.
    const r = vizier(["ingest", big, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db], { env: { SQLITE_TMPDIR: mnt, TMPDIR: mnt } });
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/full/i);
    expect(stats(db)).toEqual(before);
  }, 180_000);

  it.skipIf(!canMount)("reports a read-only store clearly", () => {
    const mnt = tempDir("vizier-ro-");
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt]).status).toBe(0);
    mounts.push(mnt);
    const dir = tempDir();
    const db = join(mnt, "store");
    mkdirSync(db);
    const f = files(dir, { "m.yml": PERSON_MAPPING, "small.csv": "id,name,dob,iban\n1,Jan,1980-01-01,NL91ABNA0417164300\n" });
    expect(vizier(["init", "--db", db]).code).toBe(0);
    vizier(["dataset", "create", "police", "--db", db]);
    rmSync(join(db, "vizier.db-wal"), { force: true });
    expect(spawnSync("mount", ["-o", "remount,ro", mnt]).status).toBe(0);
    const r = vizier(["ingest", f["small.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/read-only|cannot open/i);
  });
});
