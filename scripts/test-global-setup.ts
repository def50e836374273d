/**
 * Vitest global setup: gives the PostgreSQL store tests a server. It uses VIZIER_TEST_PG_URL when
 * set; otherwise it starts a private throwaway cluster (scripts/pg-test-server.ts) and removes it
 * at teardown. Without PostgreSQL binaries the PG tests skip with a message, unless CI is set, in
 * which case this setup fails so a missing database can never pass silently.
 */
import type { TestProject } from "vitest/node";
import { findPgBin, startPgTestServer } from "./pg-test-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a PostgreSQL server tests may create databases on; "" when there is none. */
    pgUrl: string;
    /** Why pgUrl is empty (shown by skipped tests). */
    pgSkipReason: string;
  }
}

/**
 * Whether this vitest run may select a test that needs PostgreSQL; saves starting a cluster when
 * someone runs only another package (`vitest run packages/graph`). Conservative: anything other
 * than explicit package paths counts as "maybe".
 */
function wantsPg(): boolean {
  const args = process.argv.slice(2);
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a.startsWith("-")) {
      if (!a.includes("=")) i++; // skip the flag's value
      continue;
    }
    if (a === "run" || a === "watch" || a === "related") continue;
    paths.push(a);
  }
  if (paths.length === 0) return true;
  return paths.some((p) => !p.includes("packages/") || /postgres|store/i.test(p));
}

export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env.VIZIER_TEST_PG_URL;
  if (given) {
    project.provide("pgUrl", given);
    project.provide("pgSkipReason", "");
    return undefined;
  }
  if (!wantsPg()) {
    project.provide("pgUrl", "");
    project.provide("pgSkipReason", "no PostgreSQL test selected in this run");
    return undefined;
  }
  const bin = findPgBin();
  if (!bin) {
    const reason = "PostgreSQL binaries not found (install postgresql or set VIZIER_TEST_PG_URL)";
    if (process.env.CI) throw new Error(`CI is set but ${reason}`);
    project.provide("pgUrl", "");
    project.provide("pgSkipReason", reason);
    return undefined;
  }
  const server = startPgTestServer(bin);
  process.env.VIZIER_TEST_PG_URL = server.url;
  project.provide("pgUrl", server.url);
  project.provide("pgSkipReason", "");
  return () => server.stop();
}
