/**
 * Test support: a real SQLite store with three agencies' data (one compartmented), a job table,
 * a job runner and the app, for in-process tests with `app.request()`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { linkAudit, type JobsPort, type Services, type StorePort } from "@vizier/core";
import { TEST_SHARING, testDataset, testStatements } from "@vizier/core/testing";
import { defaultModel, type Statement } from "@vizier/model";
import { SqliteJobs, SqliteStore } from "@vizier/store-sqlite";
import { PgJobs, PostgresStore } from "@vizier/store-postgres";
import { createApp, type VizierApp } from "../app";
import { memoryAuthenticator, memoryUser } from "../auth/memory";
import { JobRunner } from "../jobs/runner";
import type { Limits } from "../limits";

export const USERS = {
  /** Agency A analyst, not in the case. */
  ann: memoryUser("ann", "A", ["analyst"]),
  /** Agency A investigator in case:SECRET-1 (sees the compartment). */
  ivo: memoryUser("ivo", "A", ["investigator"], ["case:SECRET-1"]),
  /** Agency B analyst: receives A's shared data. */
  bob: memoryUser("bob", "B", ["analyst"]),
  /** Agency A privacy officer: decides access requests to A's data, queries the audit log. */
  pia: memoryUser("pia", "A", ["privacy_officer"]),
  /** Agency C liaison: isolated. */
  cat: memoryUser("cat", "C", ["liaison"]),
  /** Agency A administrator: users, agencies, sharing rules. */
  ada: memoryUser("ada", "A", ["admin"]),
};
export type UserName = keyof typeof USERS;

export const token = (u: UserName) => `vz_test_${u}`;
export const PURPOSE = "case:TEST-1";

/** A mapping for CSV files with columns id and name. */
export const MAPPING = `
query:
  entities:
    person:
      schema: Person
      keys: [id]
      properties:
        name: { column: name }
`;

/** Entity ids with what they hold. */
export const E = { jan: "ent-jan", secret: "ent-secret", mixed: "ent-mixed", bee: "ent-bee", owns: "own-1", hiddenLink: "own-secret", pay: "pay-1" };

const ENTITY_PROPS = new Set(["owner", "asset", "payer", "beneficiary"]);
const TYPES: Record<string, string> = { amount: "number", date: "date", startDate: "date" };

/** testStatements with entity references and dates typed as the model types them. */
function typed(statements: Statement[]): Statement[] {
  return statements.map((st) => ({ ...st, propType: ENTITY_PROPS.has(st.prop) ? "entity" : TYPES[st.prop] ?? st.propType }));
}

export interface Fixture {
  app: VizierApp;
  svc: Services;
  runner: JobRunner;
  jobs: JobsPort;
  dir: string;
  close(): Promise<void>;
  /** A request as user `u` with the test purpose (override headers as needed). */
  req(u: UserName | undefined, path: string, init?: RequestInit & { purpose?: string | null }): Promise<Response>;
}

let pgSchemas = 0;

/**
 * The fixture on a fresh embedded store, or — with `postgres` (a database URL) — on a fresh schema
 * of that PostgreSQL database (store and job table).
 */
export async function makeFixture(opts: { limits?: Partial<Limits>; postgres?: string } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), "vizier-server-"));
  let store: StorePort & { accessRequests: NonNullable<Services["access"]> };
  let jobs: JobsPort;
  if (opts.postgres) {
    const schema = `srv${process.pid}_${++pgSchemas}`;
    store = new PostgresStore({ url: opts.postgres, schema, maxConnections: 4 });
    jobs = new PgJobs({ url: opts.postgres, schema });
  } else {
    const s = new SqliteStore(dir);
    store = s;
    jobs = new SqliteJobs(s.location);
  }
  await store.init();
  const police = testDataset("police", "A");
  const secret = testDataset("secret", "A", { compartment: "case:SECRET-1" });
  const bees = testDataset("bees", "B");
  for (const ds of [police, secret, bees]) await store.putDataset(ds);
  const w = await store.beginWrite({ id: "r1", dataset: "police", file: "t.csv", mapping: "", actor: "test", startedAt: "2026-01-01T00:00:00.000Z" });
  await w.writeStatements([
    ...testStatements(police, E.jan, "Person", { name: "Jan Jansen", birthDate: "1980-01-01", nationality: "nl" }),
    ...testStatements(secret, E.secret, "Person", { name: "Geheim Persoon", idNumber: "SECRET-ID-42" }),
    ...testStatements(police, E.mixed, "Person", { name: "Mixed Person" }),
    ...testStatements(secret, E.mixed, "Person", { name: "Hidden Alias" }),
    ...testStatements(bees, E.bee, "Company", { name: "Bee Trading BV" }),
    // Jan owns Bee Trading (A's record); a compartment record links Jan to the secret person.
    ...typed(testStatements(police, E.owns, "Ownership", { owner: E.jan, asset: E.bee, startDate: "2020-01-01" })),
    ...typed(testStatements(secret, E.hiddenLink, "Ownership", { owner: E.secret, asset: E.jan })),
    ...typed(testStatements(police, E.pay, "Payment", { payer: E.jan, beneficiary: E.mixed, amount: "100", date: "2026-03-01" })),
  ]);
  await w.writeQuarantine([{ kind: "rejected", runId: "r1", dataset: "police", file: "t.csv", row: 3, column: "dob", reason: "bad date", raw: "{\"dob\":\"x\"}" }]);
  await w.commit({ id: "r1", dataset: "police", file: "t.csv", mapping: "", actor: "test", startedAt: "2026-01-01T00:00:00.000Z", status: "committed" }, { entries: [], link: linkAudit });

  const svc: Services = { store, model: defaultModel(), sharing: TEST_SHARING, access: store.accessRequests };
  const runner = new JobRunner(svc, jobs, { uploadDir: join(dir, "uploads"), log: () => undefined });
  await runner.start();
  const app = createApp(svc, {
    auth: memoryAuthenticator(Object.values(USERS)), jobs: runner, secureCookies: false, log: () => undefined,
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
  return {
    app, svc, runner, jobs, dir,
    async close() {
      await runner.stop();
      await jobs.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
    req(u, path, init = {}) {
      const headers = new Headers(init.headers);
      if (u) headers.set("authorization", `Bearer ${token(u)}`);
      const purpose = init.purpose === undefined ? PURPOSE : init.purpose;
      if (purpose !== null) headers.set("x-vizier-purpose", purpose);
      return Promise.resolve(app.request(`http://localhost${path}`, { ...init, headers }));
    },
  };
}
