import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The bundled CLI (built by `npm test` before vitest runs). */
export const BUNDLE = resolve(import.meta.dirname, "../../../../dist/vizier.mjs");
export const bundleMissing = existsSync(BUNDLE) ? undefined : `${BUNDLE} not built; run \`npm run build\``;

export interface CliResult { code: number; stdout: string; stderr: string }

/** Runs `vizier …` as a separate process, with a clean environment. */
export function vizier(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: Record<string, string> = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp", ...opts.env };
  const r = spawnSync(process.execPath, [BUNDLE, ...args], { cwd: opts.cwd ?? process.cwd(), env, encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `vizier …` in the background (for kill tests). */
export function vizierAsync(args: string[]) {
  return spawn(process.execPath, [BUNDLE, ...args], { env: { PATH: process.env["PATH"] ?? "" }, stdio: ["ignore", "pipe", "pipe"] });
}

export function tempDir(prefix = "vizier-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files into a directory and returns their paths. */
export function files(dir: string, contents: Record<string, string | Buffer>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, body] of Object.entries(contents)) {
    const p = join(dir, name);
    writeFileSync(p, body);
    out[name] = p;
  }
  return out;
}

/** A person mapping over columns id, name, dob, iban. */
export const PERSON_MAPPING = `
query:
  entities:
    person:
      schema: Person
      keys: [id]
      properties:
        name: { column: name }
        birthDate: { column: dob }
    account:
      schema: BankAccount
      keys: [iban]
      properties:
        iban: { column: iban }
    holder:
      schema: Ownership
      keys: [id, iban]
      properties:
        owner: { entity: person }
        asset: { entity: account }
`;

export const PERSON_CSV = "id,name,dob,iban\n1,Jan Jansen,12-03-1980,NL91ABNA0417164300\n2,Ana Gómez Arango,1985-02-02,NL20INGB0001234567\n";

/** Parses `vizier stats --json`. */
export function stats(db: string): { entities: number; statements: number; quarantined: number; runs: number; auditRecords: number } {
  const r = vizier(["stats", "--json", "--db", db]);
  if (r.code !== 0) throw new Error(`stats failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { entities: number; statements: number; quarantined: number; runs: number; auditRecords: number };
}

/** A fresh embedded store (`vizier init`) with one dataset, in a new temp folder. */
export function initStore(dataset: string): { dir: string; db: string } {
  const dir = tempDir();
  const db = join(dir, "store");
  for (const args of [["init"], ["dataset", "create", dataset]]) {
    const r = vizier([...args, "--db", db]);
    if (r.code !== 0) throw new Error(`vizier ${args.join(" ")} failed: ${r.stderr}`);
  }
  return { dir, db };
}
