/**
 * A separate process appending to a store's audit chain (audit-concurrency.test.ts bundles and runs
 * two at once): `node audit-appender.mjs <store> <actor> <records>`, one append per record, each in
 * its own transaction, as the API's workers do. Waits for a line on stdin before appending.
 */
import { linkAudit } from "@vizier/core";
import { SqliteStore } from "../store";

const [location, actor, records] = process.argv.slice(2);
const store = new SqliteStore(location!);
await store.init();
// Start together: say ready, wait for the go line on stdin.
process.stdout.write("ready\n");
await new Promise((go) => process.stdin.once("data", go));
process.stdin.pause();
for (let i = 0; i < Number(records); i++) {
  await store.appendAudit([{ at: new Date().toISOString(), actor: actor!, agency: "A", purpose: "purpose:test", action: "search", query: `${actor} ${i}`, resultIds: [`e${i}`], recipients: [] }], linkAudit);
}
await store.close();
