/**
 * Test helper: a fresh database per test file on the server the vitest global setup provides
 * (scripts/test-global-setup.ts), so test files can run in parallel without seeing each other.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The server URL, or undefined with the reason tests skip. Under CI a missing server is an error. */
export function pgServer(): { url: string | undefined; reason: string } {
  const url = inject("pgUrl") || process.env.VIZIER_TEST_PG_URL || undefined;
  const reason = inject("pgSkipReason") || "no PostgreSQL server";
  if (!url && process.env.CI) throw new Error(`PostgreSQL tests cannot run under CI: ${reason}`);
  if (!url) console.warn(`skipping PostgreSQL store tests: ${reason}`);
  return { url, reason };
}

/** URL with the database name replaced. */
export function withDatabase(url: string, db: string): string {
  // Unix-socket URLs carry the socket dir as an encoded host; only the path part changes.
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Creates an empty database; returns its URL and a function that drops it. */
export async function createTestDatabase(serverUrl: string, prefix = "vz_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
