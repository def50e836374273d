/** Reads a labelled adjacency-matrix CSV (UCINET export style) into `source target weight` lines. */

/** Edge lines from a square labelled matrix; undirected: a tie if either cell is non-zero (max weight). */
export function matrixToEdgeLines(csv: string, directed: boolean): string[] | undefined {
  const rows = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/).map((l) => l.split(",").map((c) => c.trim().replace(/^"|"$/g, "")));
  const labels = (rows[0] ?? []).slice(1).map((l) => l.replace(/\s+/g, "_"));
  const body = rows.slice(1);
  if (body.length !== labels.length) return undefined; // two-mode or malformed: not a square matrix
  const a = body.map((r) => r.slice(1).map(Number));
  const lines: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = directed ? 0 : i + 1; j < labels.length; j++) {
      if (i === j) continue;
      const x = a[i]?.[j] ?? 0;
      const w = directed ? x : Math.max(x, a[j]?.[i] ?? 0);
      if (w > 0) lines.push(`${labels[i]} ${labels[j]} ${w}`);
    }
  }
  return lines;
}
