import { once } from "node:events";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleMissing, files, tempDir, vizier, vizierAsync } from "../test/harness";

// `vizier serve` as a separate process on a free port: health, a signed-in read, clean stop.
describe.skipIf(Boolean(bundleMissing))("vizier serve (process)", () => {
  const dir = tempDir("vizier-serve-");
  const db = join(dir, "store");
  let child: ReturnType<typeof vizierAsync> | undefined;
  afterAll(() => { child?.kill("SIGKILL"); });

  it("serves /api/health and a signed-in request, then stops on SIGTERM", async () => {
    const pw = files(dir, { "pw.txt": "a long enough password 123\n" })["pw.txt"]!;
    const init = vizier(["init", "--db", db, "--admin-password-file", pw]);
    expect(init.code, init.stderr).toBe(0);
    child = vizierAsync(["serve", "--db", db, "--port", "0", "--insecure-cookies"]);
    let out = "";
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 30_000);
      child!.stdout.on("data", (b: Buffer) => {
        out += b.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
      child!.once("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", store: "sqlite" });
    expect((await fetch(`${base}/api/datasets`)).status).toBe(401);
    const login = await fetch(`${base}/api/session`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "admin", password: "a long enough password 123", purpose: "purpose:test" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("vizier_session="))!.split(";")[0]!;
    const ds = await fetch(`${base}/api/datasets`, { headers: { cookie } });
    expect(ds.status).toBe(200);
    expect(await ds.json()).toEqual({ items: [] });
    const exit = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exit as [number | null];
    expect(code).toBe(0);
    child = undefined;
  }, 60_000);
});
