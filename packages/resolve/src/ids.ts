import { createHash } from "node:crypto";

/**
 * Stable resolved ids. Each new cluster takes over the previous resolved id that most of its
 * members had (the cluster keeping most members of an old entity keeps its id); each old id goes
 * to at most one cluster; ties go to the larger overlap, then the smaller id. Clusters with no
 * previous id get a fresh one derived from the view and their smallest member, never reusing an
 * id that existed before (a retired id is not given to a different entity).
 */
export function assignIds(
  clusters: ReadonlyMap<string, readonly string[]>, previous: ReadonlyMap<string, string>, view: string,
): Map<string, string> {
  const overlaps: Array<{ cluster: string; id: string; n: number }> = [];
  for (const [cluster, members] of clusters) {
    const counts = new Map<string, number>();
    for (const m of members) {
      const id = previous.get(m);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, n] of counts) overlaps.push({ cluster, id, n });
  }
  overlaps.sort((x, y) => y.n - x.n || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) || (x.cluster < y.cluster ? -1 : 1));
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const o of overlaps) {
    if (out.has(o.cluster) || used.has(o.id)) continue;
    out.set(o.cluster, o.id);
    used.add(o.id);
  }
  const taken = new Set([...previous.values(), ...used]);
  const rest = [...clusters.keys()].filter((c) => !out.has(c)).sort();
  for (const c of rest) {
    const smallest = [...(clusters.get(c) ?? [])].sort()[0] ?? c;
    let salt = 0;
    let id = fresh(view, smallest, salt);
    while (taken.has(id)) id = fresh(view, smallest, ++salt);
    taken.add(id);
    out.set(c, id);
  }
  return out;
}

function fresh(view: string, member: string, salt: number): string {
  return `r${createHash("sha256").update(`${view}\u0000${member}\u0000${salt}`).digest("hex").slice(0, 16)}`;
}
