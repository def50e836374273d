/**
 * A seeded synthetic investigation graph for the fps benchmark: `n` entities in communities of
 * 20–80 (persons, companies, accounts, phones), each linked to a few others in its community and
 * now and then to another community, ~2 edges per node, as GET /api/graph/expand would return them.
 */
import type { Neighbourhood } from "../../src/views/network/graph-model";

const SCHEMATA = ["Person", "Company", "BankAccount", "Phone", "Address"] as const;
const TYPES = ["Payment", "Ownership", "Directorship", "Communication", "AccountHolder", "Family"] as const;

export function syntheticGraph(n: number, seed = 42): Neighbourhood {
  let x = seed >>> 0 || 1;
  const rnd = () => ((x = (x * 1664525 + 1013904223) >>> 0) / 4294967296);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, schema: pick(SCHEMATA), label: `Entity ${i}` }));
  const edges: Neighbourhood["network"]["edges"] = [];
  let start = 0;
  while (start < n) {
    const size = Math.min(n - start, 20 + Math.floor(rnd() * 60));
    for (let i = start; i < start + size; i++) {
      const links = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < links; k++) {
        const j = rnd() < 0.05 ? Math.floor(rnd() * n) : start + Math.floor(rnd() * size);
        if (j === i) continue;
        const type = pick(TYPES);
        edges.push({ source: `n${i}`, target: `n${j}`, type, directed: type === "Payment", weight: 1 + Math.floor(rnd() * 5), count: 1, evidence: [] });
      }
    }
    start += size;
  }
  return { network: { nodes, edges }, hidden: 0, truncated: false };
}
