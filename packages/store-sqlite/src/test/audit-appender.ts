/**
 * A separate process appending to a store's audit chain (audit-concurrency.test.ts bundles and runs
 * two at once): `node audit-appender.mjs <store> <actor> <records>`, one append per record, each in
 * its own transaction, as the API's workers do. Waits for a line on stdin before appending.
 *
 * Halfway through it waits until the other appender's first record is in the chain, so the two
 * always overlap: on a loaded machine one process could otherwise finish before the other started.
 */
import Database from "better-sqlite3";
import { linkAudit } from "@vizier/core";
import { SqliteStore } from "../store";

const [location, actor, records] = process.argv.slice(2);
const store = new SqliteStore(location!);
await store.init();
// Start together: say ready, wait for the go line on stdin.
process.stdout.write("ready\n");
await new Promise((go) => process.stdin.once("data", go));
process.stdin.pause();
const peek = new Database(store.audit.location, { readonly: true });
const othersSeen = () => (peek.prepare("SELECT count(*) AS n FROM audit WHERE actor <> ?").get(actor) as { n: number }).n > 0;
for (let i = 0; i < Number(records); i++) {
  if (i === Math.floor(Number(records) / 2)) {
    const deadline = Date.now() + 60_000;
    while (!othersSeen()) {
      if (Date.now() > deadline) throw new Error("the other appender never appended");
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  await store.appendAudit([{ at: new Date().toISOString(), actor: actor!, agency: "A", purpose: "purpose:test", action: "search", query: `${actor} ${i}`, resultIds: [`e${i}`], recipients: [] }], linkAudit);
}
peek.close();
await store.close();
