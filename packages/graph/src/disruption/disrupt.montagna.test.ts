/**
 * Reproduces every published disruption curve of Cavallaro et al. 2020 (PLOS ONE 15(8): e0236476)
 * on the Montagna meetings and phone-call networks, to 1e-9, with the authors' tie rules (see
 * ../shared/data/networks/montagna/README.md).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEdgeList } from "../io/parse-edges";
import { buildGraph } from "../core/build";
import { disrupt } from "./disrupt";
import type { Strategy } from "./disrupt";
import type { TieBreak } from "./ranking";

const dir = join(import.meta.dirname, "../../../../../shared/data/networks/montagna");
const present = existsSync(dir);
if (!present) console.warn(`skipping Montagna reproduction: ${dir} is absent`);

const NETWORKS = [
  { folder: "meeting", file: "Montagna_meetings_edgelist.csv" },
  { folder: "phone_calls", file: "Montagna_phonecalls_edgelist.csv" },
] as const;
const COLUMNS: [string, Strategy, TieBreak][] = [
  ["Betweenness", "betweenness", "last-seen"],
  ["Katz", "katz", "last-seen"],
  ["Collective Influence", "collective-influence", "highest"],
  ["Degree", "degree", "last-seen"],
];

function readPublished(path: string): { header: string[]; rows: number[][] } {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const header = (lines[0] as string).split(",");
  return { header, rows: lines.slice(1).map((l) => l.split(",").map(Number)) };
}

describe.skipIf(!present)("Montagna published disruption curves (Cavallaro et al. 2020)", () => {
  for (const net of NETWORKS) {
    const edges = present ? parseEdgeList(readFileSync(join(dir, net.file), "utf8")) : undefined;
    for (const mode of ["sequential", "block"] as const) {
      for (const weighting of ["Unweighted", "Weighted"] as const) {
        for (const [column, strategy, tieBreak] of COLUMNS) {
          it(`${net.folder} ${mode} ${weighting} ${column}`, () => {
            const g = buildGraph(edges!, { directed: false });
            const pub = readPublished(join(dir, "published_results", `disruption_${mode}`, net.folder, `df_${weighting}_5nrem.csv`));
            const col = pub.header.indexOf(column);
            const steps = disrupt(g, { strategy, mode, blockSize: 5, weights: weighting === "Weighted" ? "distance" : "none", tieBreak, minRemaining: 5, efficiency: false });
            const byRemoved = new Map(steps.map((s) => [s.removed, s.lccFraction]));
            expect(pub.rows.length).toBeGreaterThan(15);
            for (const row of pub.rows) {
              const removed = row[1] as number;
              const got = byRemoved.get(removed);
              expect(got, `No=${removed}`).toBeDefined();
              expect(Math.abs((got as number) - (row[col] as number)), `No=${removed}: got ${got}, published ${row[col]}`).toBeLessThan(1e-9);
            }
          });
        }
      }
    }
  }
});
