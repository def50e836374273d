import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pairwiseScores } from "@vizier/resolution";
import { runLink } from "./run";

// Public benchmark data with known answers; CI always has it (see /work/shared/data/README.md).
const DATA = resolve(process.cwd(), "../shared/data/er/febrl");
const present = existsSync(join(DATA, "dataset1.csv"));
if (!present) console.warn(`skipping entity-resolution accuracy tests: ${DATA} not found`);

describe.skipIf(!present)("vizier link accuracy on Febrl (default threshold)", () => {
  it("deduplicates Febrl dataset1 with pairwise F1 ≥ 0.95 (an exact SSN rule gets less)", () => {
    const dir = mkdtempSync(join(tmpdir(), "vizier-acc-"));
    try {
      const res = runLink({
        files: [join(DATA, "dataset1.csv")],
        id: "rec_id",
        // Five fields keep the test quick; the benchmark (bench/er) uses all ten.
        fields: ["given_name=first_name", "surname=last_name", "suburb=city", "date_of_birth=date", "soc_sec_id=identifier"],
        out: join(dir, "clusters.csv"),
      });
      const truth = res.prepared.records.map((r) => /rec-(\d+)-/.exec(r.id)?.[1] ?? r.id);
      const ssn = res.prepared.records.map((r) => r.fields["soc_sec_id"]?.[0] ?? r.id);
      const ours = pairwiseScores(res.clusterOf, truth);
      const rule = pairwiseScores(ssn, truth);
      expect(ours.f1).toBeGreaterThanOrEqual(0.95);
      expect(ours.f1).toBeGreaterThan(rule.f1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
