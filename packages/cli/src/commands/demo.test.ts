import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { readManifest } from "@vizier/scenario";
import { BUNDLE, bundleMissing, tempDir, vizier } from "../test/harness";

type DemoJson = {
  store: string; ingested: [string, string, number, number, number][]; stats: { datasets: number; entities: number };
  scenario: { seed: number; scale: number; generated: boolean }; users: Array<{ user: string; agency: string; oneTimePassword: string }>;
};

describe.skipIf(Boolean(bundleMissing))("vizier demo", () => {
  it("initialises a fresh store, generates the scenario and ingests every agency's files without quarantine", () => {
    const dir = join(tempDir(), "demo");
    const r = vizier(["demo", "--data-dir", dir, "--scale", "0.1", "--json", "--no-serve"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/One-time password for admin/);
    const out = JSON.parse(r.stdout) as DemoJson;
    expect(out.scenario).toMatchObject({ seed: 2026, scale: 0.1, generated: true });
    expect(new Set(out.ingested.map((x) => x[1]))).toEqual(new Set(["KVK", "POLITIE", "DOUANE", "FIOD", "FIU", "KMAR", "BE-FGP", "CO-DIJIN", "AE-REG"]));
    for (const [dataset, , rows, quarantined, statements] of out.ingested) {
      expect(rows, dataset).toBeGreaterThan(0);
      expect(quarantined, dataset).toBe(0);
      expect(statements, dataset).toBeGreaterThan(rows);
    }
    expect(out.stats.datasets).toBe(11);
    expect(out.ingested.filter((x) => x[0] === "fiod-notities")).toHaveLength(1);
    expect(existsSync(join(dir, "scenario", "truth", "key-players.csv"))).toBe(true);

    // Run again: the scenario is reused and nothing is ingested twice.
    const again = vizier(["demo", "--data-dir", dir, "--scale", "0.1", "--json", "--no-serve"]);
    expect(again.code, again.stderr).toBe(0);
    const out2 = JSON.parse(again.stdout) as DemoJson;
    expect(out2.scenario.generated).toBe(false);
    expect(out2.ingested).toEqual(out.ingested);
    expect(out2.stats.entities).toBe(out.stats.entities);

    // Demo users of several agencies, each with a one-time password shown once, created once.
    expect(out.users.map((u) => u.agency).sort()).toEqual(["DOUANE", "FIOD", "FIU", "KMAR", "POLITIE"]);
    expect(out.users.every((u) => u.oneTimePassword.length >= 12)).toBe(true);
    expect(out2.users).toEqual([]);
    const fiu = vizier(["search", "Verdi Fresh", "--db", dir, "--as", "analist.fiu", "--purpose", "purpose:demo", "--json"]);
    expect(fiu.code, fiu.stderr).toBe(0);

    // What the police administrator may see: the importer in the public register and in customs data.
    const s = vizier(["search", "Verdi Fresh", "--db", dir, "--purpose", "purpose:demo", "--json"]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain("kvk");
    expect(s.stdout).toContain("douane");

    // FIOD's notes sit on the register's entity of the importer: withheld from Customs and the FIU
    // without a case (a request names only what is withheld, else it is refused), so Customs can ask
    // and FIOD's privacy officer decides.
    const hits = JSON.parse(s.stdout) as Array<{ entity: { id: string; datasets?: string[] } }>;
    const importer = hits.find((h) => h.entity.datasets?.includes("kvk"))?.entity.id ?? "";
    const ask = (user: string) => vizier(["access", "request", importer, "--dataset", "fiod-notities", "--justification", "Consignee of the seized container",
      "--db", dir, "--as", user, "--purpose", "purpose:demo", "--json"]);
    expect(ask("analist.fiu").code).toBe(0);
    const req = ask("analist.douane");
    expect(req.code, req.stderr).toBe(0);
    const request = JSON.parse(req.stdout) as { id: string; owner: string; status: string };
    expect(request).toMatchObject({ owner: "FIOD", status: "pending" });
    const ok = vizier(["access", "decide", request.id, "approve", "--reason", "Case cooperation agreed", "--db", dir, "--as", "privacy.fiod", "--json"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: "approved", decidedBy: "privacy.fiod" });
    // Granted now: nothing of the importer is withheld from Customs in that dataset any more.
    expect(ask("analist.douane").code).toBe(2);
  });

  it("ingests a folder made by `vizier generate` (--scenario) and prints the table and next steps", () => {
    const dir = tempDir();
    const g = vizier(["generate", "--scale", "0.05", "--seed", "9", "--out", join(dir, "sc"), "--quiet"]);
    expect(g.code, g.stderr).toBe(0);
    const r = vizier(["demo", "--scenario", join(dir, "sc"), "--db", join(dir, "store"), "--no-serve"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dataset\s+agency\s+rows\s+quarantined\s+statements/);
    expect(r.stdout).toContain("Try:");
    expect(r.stderr).toMatch(/ingest fiu\/ongebruikelijke-transacties\.jsonl: [\d,]+ rows, 0 quarantined/);
  });

  it("generates the scenario again when the one in the data dir was made before a dataset was added", () => {
    const dir = join(tempDir(), "demo");
    const g = vizier(["generate", "--scale", "0.05", "--out", join(dir, "scenario"), "--quiet"]);
    expect(g.code, g.stderr).toBe(0);
    // What a generator before FIOD's notes wrote: the same manifest without that dataset and file.
    const file = join(dir, "scenario", "manifest.yml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/  - name: fiod-notities\n(?:    .*\n)+/, "").replace(/  - dataset: fiod-notities\n(?:    .*\n)+/, ""));
    expect(readManifest(join(dir, "scenario")).datasets.map((d) => d.name)).not.toContain("fiod-notities");
    const r = vizier(["demo", "--data-dir", dir, "--scale", "0.05", "--no-serve"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("lacks fiod-notities (older generator); generating it again");
    expect(r.stderr).toMatch(/ingest fiod\/notities\.ftm\.json: [\d,]+ rows, 0 quarantined/);
    expect(readManifest(join(dir, "scenario")).datasets.map((d) => d.name)).toContain("fiod-notities");
  });

  it("says where a missing scenario folder should come from (exit 4)", () => {
    const dir = tempDir();
    const r = vizier(["demo", "--scenario", join(dir, "nope"), "--db", join(dir, "store")]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("vizier generate");
  });

  it("then serves the API and the web UI until stopped (--port 0 prints the URL), resolving in the background", async () => {
    const dir = join(tempDir(), "demo");
    const child = spawn(process.execPath, [BUNDLE, "demo", "--data-dir", dir, "--scale", "0.05", "--port", "0", "--no-open", "--quiet"], {
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp" }, stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stderr.on("data", (b: Buffer) => { err += b.toString(); });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (b: Buffer) => {
          out += b.toString();
          const m = /Vizier is running: (http:\/\/[^\s/]+)\//.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once("exit", (code) => reject(new Error(`demo exited ${code}: ${err}`)));
      });
      expect(out).toContain("Ctrl-C to stop");
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok" });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(await page.text()).toContain('<div id="root">');
      const search = await fetch(`${url}/api/search?q=x`);
      expect(search.status).toBe(401);
      // Meanwhile the case member's view is resolved in the background (merged profiles, review queue).
      await expect.poll(() => out, { timeout: 90_000, interval: 500 }).toMatch(/demo: resolution done \(\d+ s\)/);
    } finally {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGINT");
      await exited;
    }
    expect(err).toContain("vizier serve: stopping");
  }, 180_000);
});
