import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleMissing, files, tempDir, vizier } from "./test/harness";

const ENTITIES = [
  { id: "p1", schema: "Person", properties: { name: ["Jan Jansen"] } },
  { id: "a1", schema: "BankAccount", properties: { iban: ["NL91ABNA0417164300"] } },
  { id: "o1", schema: "Ownership", properties: { owner: ["p1"], asset: ["a1"] } },
  { id: "pay1", schema: "Payment", properties: { payerAccount: ["a1"], amount: ["9500"], currency: ["EUR"], date: ["2025-01-02"] } },
  { id: "pay2", schema: "Payment", properties: { payer: ["p1"], amount: ["100"], currency: ["EUR"], date: ["2025-01-01"] } },
  { id: "pay3", schema: "Payment", properties: { payer: ["p9"], amount: ["1"], currency: ["EUR"], date: ["2025-01-03"] } },
].map((e) => JSON.stringify(e)).join("\n") + "\n";

describe.skipIf(Boolean(bundleMissing))(`vizier timeline${bundleMissing ? ` (skipped: ${bundleMissing})` : ""}`, () => {
  it("lists what involves an entity directly or through its account, earliest first, audited", () => {
    const dir = tempDir();
    const db = join(dir, "store");
    expect(vizier(["init", "--db", db]).code).toBe(0);
    expect(vizier(["dataset", "create", "fiu", "--db", db]).code).toBe(0);
    const f = files(dir, { "e.jsonl": ENTITIES });
    const ing = vizier(["ingest", f["e.jsonl"]!, "--dataset", "fiu", "--db", db, "--json"]);
    expect(ing.code, ing.stderr).toBe(0);
    const id = (JSON.parse(vizier(["search", "jansen", "--db", db, "--purpose", "case:T-1", "--json"]).stdout) as Array<{ entity: { id: string } }>)[0]!.entity.id;
    const out = vizier(["timeline", id, "--db", db, "--purpose", "case:T-1", "--json"]);
    expect(out.code, out.stderr).toBe(0);
    const t = JSON.parse(out.stdout) as { items: Array<{ start: string; schema: string }>; hidden: number };
    expect(t.items.map((i) => [i.start, i.schema])).toEqual([["2025-01-01", "Payment"], ["2025-01-02", "Payment"]]);
    expect(vizier(["timeline", id, "--db", db]).code).toBe(6);
    expect(vizier(["timeline", id, "--since", "yesterday", "--db", db, "--purpose", "case:T-1"]).code).toBe(2);
  });
});
