import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenedSource, SourceRow } from "./types";

/** A temp directory for test inputs, removed by `cleanup`. Test-only helper. */
export function tempDir(): { path: (name: string) => string; write: (name: string, data: string | Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "vizier-ingest-"));
  return {
    path: (name) => join(dir, name),
    write: (name, data) => {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** All rows of an opened source. */
export async function allRows(src: OpenedSource): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const r of src.rows) out.push(r);
  return out;
}
