/**
 * Test helpers: run the networkx/igraph oracle (oracle.py) through Debian's /usr/bin/python3.
 * Tests skip with a message when the peer libraries are missing, unless CI is set (then they fail).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PYTHON = "/usr/bin/python3";

/** True when networkx (and so the oracle) can run here. */
export function oracleAvailable(): boolean {
  const r = spawnSync(PYTHON, ["-c", "import networkx, numpy, scipy"], { encoding: "utf8" });
  const ok = r.status === 0;
  if (!ok && process.env.CI) throw new Error(`CI is set but ${PYTHON} lacks networkx/numpy/scipy: ${r.stderr ?? r.error?.message}`);
  if (!ok) console.warn(`skipping differential tests: ${PYTHON} with networkx is unavailable`);
  return ok;
}

export interface OracleOutput {
  nodes: string[];
  nx: Record<string, unknown>;
  ig: Record<string, unknown>;
}

export interface OracleJob {
  lines: string[];
  directed: boolean;
  partition?: ArrayLike<number> | undefined;
}

/** Runs the oracle once for many graphs (its imports take a second) and returns answers in order. */
export function runOracle(jobs: OracleJob[]): OracleOutput[] {
  const dir = mkdtempSync(join(tmpdir(), "vizier-graph-oracle-"));
  const manifest = jobs.map((j, k) => {
    const edges = join(dir, `edges-${k}.txt`);
    writeFileSync(edges, j.lines.join("\n") + "\n");
    let partition: string | undefined;
    if (j.partition) {
      partition = join(dir, `partition-${k}.txt`);
      writeFileSync(partition, Array.from(j.partition).join("\n") + "\n");
    }
    return { edges, directed: j.directed, ...(partition ? { partition } : {}) };
  });
  const path = join(dir, "manifest.json");
  writeFileSync(path, JSON.stringify(manifest));
  const r = spawnSync(PYTHON, [join(import.meta.dirname, "oracle.py"), path], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleOutput[];
}
