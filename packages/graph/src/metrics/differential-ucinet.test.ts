/**
 * Differential tests on real covert networks (UCINET collection, CAVIAR): every metric against
 * networkx and igraph. Needs ../shared/data and /usr/bin/python3 with networkx.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { oracleAvailable, runOracle } from "../testing/oracle";
import type { OracleOutput } from "../testing/oracle";
import { compareWithPeers, prepare } from "../testing/compare";
import type { Prepared } from "../testing/compare";
import { matrixToEdgeLines } from "../testing/matrix";

const data = join(import.meta.dirname, "../../../../../shared/data/networks");
const present = existsSync(join(data, "ucinet_covert"));
if (!present) console.warn(`skipping UCINET differential tests: ${data} is absent`);
const available = present && oracleAvailable();

describe.skipIf(!available)("metrics agree with networkx and igraph on real covert networks", () => {
  const cases: { name: string; p: Prepared }[] = [];
  if (available) {
    const dir = join(data, "ucinet_covert");
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".csv")).sort()) {
      const lines = matrixToEdgeLines(readFileSync(join(dir, f), "utf8"), false);
      if (lines) cases.push({ name: `${f} (undirected)`, p: prepare(lines, false) });
    }
    const caviar = matrixToEdgeLines(readFileSync(join(data, "caviar/CAVIAR_FULL_Directed.csv"), "utf8"), true) as string[];
    cases.push({ name: "CAVIAR aggregate network (directed)", p: prepare(caviar, true) });
  }
  let answers: OracleOutput[] = [];
  beforeAll(() => { answers = runOracle(cases.map((c) => c.p.job)); });
  it("covers the collection", () => { expect(cases.length).toBeGreaterThanOrEqual(12); });
  cases.forEach((c, k) => {
    it(c.name, () => { expect(compareWithPeers(c.p, answers[k]!)).toBeGreaterThan(20); });
  });
});
