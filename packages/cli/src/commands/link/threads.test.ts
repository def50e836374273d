import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleMissing, vizier } from "../../test/harness";

// Five NC voter files (25,000 records, ~550k candidate pairs): enough for the comparison pass to
// be split over two worker threads. Public data; CI always has it.
const DATA = resolve(process.cwd(), "../shared/data/er/nc_voters_5party");
const files = [0, 1, 2, 3, 4].map((p) => join(DATA, `ncvr_numrec_5000_modrec_2_ocp_20_myp_${p}_nump_5.csv`));
const skip = bundleMissing ?? (files.every((f) => existsSync(f)) ? undefined : `${DATA} not found`);

describe.skipIf(Boolean(skip))(`vizier link --threads${skip ? ` (skipped: ${skip})` : ""}`, () => {
  it("gives byte-identical clusters and pairs on one thread and on two", () => {
    const dir = mkdtempSync(join(tmpdir(), "vizier-threads-"));
    try {
      const run = (t: number) => {
        const r = vizier(["link", ...files, "--id", "recid", "--field", "givenname=first_name", "--field", "surname=last_name",
          "--field", "suburb=city", "--field", "postcode=postcode", "--out", join(dir, `c${t}.csv`), "--pairs", join(dir, `p${t}.csv`), "--threads", String(t)]);
        expect(r.code, r.stderr).toBe(0);
        return [readFileSync(join(dir, `c${t}.csv`), "utf8"), readFileSync(join(dir, `p${t}.csv`), "utf8")];
      };
      const [c1, p1] = run(1);
      const [c2, p2] = run(2);
      expect(c1!.split("\n").length).toBe(25_002);
      expect(c2).toBe(c1);
      expect(p2).toBe(p1);
      expect(vizier(["link", files[0]!, "--id", "recid", "--field", "surname=last_name", "--out", join(dir, "x.csv"), "--threads", "0"]).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
